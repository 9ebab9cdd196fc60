import { z } from 'zod';
import { parseWith } from '../ml/index.js';

export const ALERT_LEVELS = ['customer', 'area', 'region'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const SEVERITIES = ['red', 'orange', 'yellow'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Value at or above which an alert of each severity is raised (yellow ≤ orange ≤ red). */
const Tiers = z.object({ yellow: z.number(), orange: z.number(), red: z.number() })
  .refine((t) => t.yellow <= t.orange && t.orange <= t.red, { message: 'tiers must satisfy yellow <= orange <= red' });
export type Tiers = z.infer<typeof Tiers>;

/**
 * Early-warning thresholds (分级预警). Each alert kind compares one value with three tiers;
 * defaults are a proposal for the risk department.
 */
export const WarningThresholds = z.object({
  /** Customer: fall of the credit score since the previous credit run (points). */
  creditDrop: Tiers.default({ yellow: 30, orange: 60, red: 100 }),
  /** Customer: days past due of the oldest unpaid bill. */
  arrearsDays: Tiers.default({ yellow: 15, orange: 30, red: 60 }),
  /** Customer: combined theft score (0..1) of the latest theft run. */
  theftScore: Tiers.default({ yellow: 0.8, orange: 0.9, red: 0.95 }),
  /** Area: recent line-loss rate (share). */
  areaLossRate: Tiers.default({ yellow: 0.06, orange: 0.08, red: 0.12 }),
  /** Area: days above the loss threshold within the recent window (`lossRecentDays` of theft detection, 28 by default). */
  areaLossDays: Tiers.default({ yellow: 3, orange: 7, red: 14 }),
  /** Region: share of its areas whose loss is flagged. */
  regionFlaggedShare: Tiers.default({ yellow: 0.1, orange: 0.2, red: 0.35 }),
  /** Region: share of its customers with money more than 30 days overdue. */
  regionArrearsShare: Tiers.default({ yellow: 0.05, orange: 0.1, red: 0.2 }),
});
export type WarningThresholds = z.output<typeof WarningThresholds>;
export type WarningThresholdsInput = z.input<typeof WarningThresholds>;
export type AlertKind = keyof WarningThresholds;

export function parseWarningThresholds(input: WarningThresholdsInput = {}): WarningThresholds {
  return parseWith(WarningThresholds, input, 'early-warning threshold');
}

/** The severity a value reaches, or null below the yellow tier. */
export function severityOf(value: number, tiers: Tiers): Severity | null {
  if (!Number.isFinite(value)) return null;
  if (value >= tiers.red) return 'red';
  if (value >= tiers.orange) return 'orange';
  if (value >= tiers.yellow) return 'yellow';
  return null;
}
