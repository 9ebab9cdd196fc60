import { z } from 'zod';

/** How features are cut into bins before the weight of evidence is computed. */
export const BinningParams = z.object({
  /**
   * 'monotone': equal-frequency pre-bins pooled until the bad rate is strictly monotone in the
   * value (the direction with the larger IV wins), the usual choice for an explainable scorecard.
   * 'chi-merge': adjacent pre-bins merged while their chi-square is below `chiThreshold`.
   */
  method: z.enum(['monotone', 'chi-merge']).default('monotone'),
  /** Equal-frequency pre-bins of a numeric feature (fewer when values tie). */
  preBins: z.number().int().min(2).max(200).default(20),
  /** Most bins per feature, the missing bin not counted. */
  maxBins: z.number().int().min(2).max(50).default(6),
  /** Least share of all rows in a bin; smaller bins (and rare categorical levels) are merged. */
  minBinShare: z.number().gt(0).max(0.5).default(0.05),
  /** ChiMerge stops when every adjacent pair differs at this chi-square (3.841 = 95%, 1 degree of freedom). */
  chiThreshold: z.number().min(0).default(3.841),
  /** Laplace smoothing: goods and bads added to every non-empty bin before the WoE is taken. */
  smoothing: z.number().min(0).default(0.5),
});
export type BinningParams = z.output<typeof BinningParams>;
export type BinningParamsInput = z.input<typeof BinningParams>;
