import { z } from 'zod';
import { BinRule } from './feature-binning.js';
import type { ScorecardState } from './scorecard-fit.js';

const Text = z.object({ 'zh-CN': z.string(), en: z.string() });
const Strength = z.enum(['useless', 'weak', 'medium', 'strong']);

const BinStatsJson = z.object({
  goods: z.number().min(0),
  bads: z.number().min(0),
  count: z.number().min(0),
  share: z.number().min(0).max(1),
  badRate: z.number().min(0).max(1),
  woe: z.number(),
  iv: z.number(),
});

const FeatureJson = z.object({
  binning: z.object({
    feature: z.string().min(1),
    kind: z.enum(['numeric', 'categorical']),
    rule: BinRule,
    labels: z.array(z.string()),
    bins: z.array(BinStatsJson),
    iv: z.number(),
    strength: Strength,
  }),
  label: Text,
  coefficient: z.number(),
  points: z.array(z.number()),
});

/** The persisted fitted state of a scorecard, validated when a scorecard is restored. */
export const ScorecardStateJson = z.object({
  features: z.array(FeatureJson).min(1),
  intercept: z.number(),
  basePoints: z.number(),
  ivTable: z.array(
    z.object({
      feature: z.string(),
      kind: z.enum(['numeric', 'categorical']),
      iv: z.number(),
      strength: Strength,
      bins: z.number().int(),
      decision: z.enum(['selected', 'low-iv', 'correlated', 'limit', 'wrong-sign']),
      correlatedWith: z.string().optional(),
    }),
  ),
}) satisfies z.ZodType<ScorecardState>;

export const ScorecardJson = z.object({
  kind: z.literal('scorecard'),
  version: z.literal(1),
  params: z.record(z.string(), z.unknown()),
  state: ScorecardStateJson,
});
export type ScorecardJson = z.infer<typeof ScorecardJson>;
