import { z } from 'zod';
import { BinningParams } from './binning-params.js';
import { checkGradeBands, DEFAULT_GRADE_BANDS, GradeBand } from './credit-grades.js';
import { ScalingParams } from './points-scaling.js';

export const SelectionParamsSchema = z.object({
  /** Features with a lower information value are left out (DOMAIN.md: < 0.02 is useless). */
  minIv: z.number().min(0).default(0.02),
  /** A feature whose WoE correlates beyond this with a stronger kept feature is left out. */
  maxCorrelation: z.number().gt(0).max(1).default(0.7),
  maxFeatures: z.number().int().min(1).default(20),
});

/** Hyper-parameters of {@link CreditScorecard}; every field has a documented default. */
export const ScorecardParams = z.object({
  /** Candidate features (default: every feature of the training dataset). */
  features: z.array(z.string().min(1)).min(1).optional(),
  binning: BinningParams.prefault({}),
  selection: SelectionParamsSchema.prefault({}),
  /** L2 penalty of the logistic regression on WoE (0 = maximum likelihood, the scorecard convention). */
  l2: z.number().min(0).default(0),
  /**
   * Drop features whose coefficient has the wrong sign (≥ 0: more goods in the bin would mean
   * more risk), one at a time, and refit; a scorecard must never reward a worse bin.
   */
  dropWrongSign: z.boolean().default(true),
  scaling: ScalingParams.prefault({}),
  /** Round the points of each bin and of the intercept to integers, as printed scorecards do. */
  roundPoints: z.boolean().default(true),
  /** Reason codes returned by `explain`. */
  reasonCount: z.number().int().min(0).max(20).default(4),
  /** Grade bands, best first; the last one has no floor. */
  grades: z
    .array(GradeBand)
    .default(() => [...DEFAULT_GRADE_BANDS])
    .refine((bands) => (checkGradeBands(bands), true)),
});
export type ScorecardParams = z.output<typeof ScorecardParams>;
export type ScorecardParamsInput = z.input<typeof ScorecardParams>;
