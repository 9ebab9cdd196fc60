import { z } from 'zod';

/**
 * Hyper-parameters of {@link GradientBoostingModel}. Names follow LightGBM/XGBoost where they agree;
 * defaults are documented beside each field.
 */
export const GbdtParams = z.object({
  /** Objective registry name: 'squared_error' (regression), 'binary_logistic' (probabilities), 'quantile'. */
  objective: z.enum(['squared_error', 'binary_logistic', 'quantile']).default('squared_error'),
  /** Quantile level of the 'quantile' objective (pinball loss), e.g. 0.9 for the upper end of an 80% interval. */
  alpha: z.number().gt(0).lt(1).default(0.5),
  /** Maximum number of trees (boosting rounds); early stopping may keep fewer. */
  nEstimators: z.number().int().min(1).max(100_000).default(300),
  /** Shrinkage applied to every leaf value. */
  learningRate: z.number().gt(0).max(1).default(0.05),
  /** Maximum depth of a tree (root = depth 0). */
  maxDepth: z.number().int().min(1).max(30).default(6),
  /** Maximum leaves per tree in 'leafwise' growth (LightGBM num_leaves); ignored by 'depthwise'. */
  numLeaves: z.number().int().min(2).max(65_536).default(31),
  /**
   * 'leafwise' splits the leaf with the largest gain first until numLeaves (LightGBM); 'depthwise'
   * splits every splittable node down to maxDepth (XGBoost's default), i.e. leaf-wise without a leaf cap.
   */
  growth: z.enum(['leafwise', 'depthwise']).default('leafwise'),
  /** Minimum training rows in a leaf (LightGBM min_data_in_leaf). */
  minDataInLeaf: z.number().int().min(1).default(20),
  /** Minimum sum of hessians in a leaf (XGBoost min_child_weight; LightGBM min_sum_hessian_in_leaf). */
  minChildWeight: z.number().min(0).default(1e-3),
  /** Minimum loss reduction to make a split (XGBoost gamma). */
  minSplitGain: z.number().min(0).default(0),
  /** L2 regularisation of leaf values (XGBoost lambda). */
  lambda: z.number().min(0).default(1),
  /** Share of rows drawn (Bernoulli, per tree) to grow each tree. */
  subsample: z.number().gt(0).max(1).default(1),
  /** Share of features drawn per tree. */
  colsample: z.number().gt(0).max(1).default(1),
  /** Maximum quantile bins per feature (missing values get one more bin of their own). */
  maxBins: z.number().int().min(2).max(255).default(255),
  /** Rows sampled to compute bin boundaries. */
  binSampleRows: z.number().int().min(1000).default(200_000),
  /** Stop when the validation loss has not improved for this many rounds (0 = never; needs a validation set). */
  earlyStoppingRounds: z.number().int().min(0).default(30),
  /** Seed of the row/column sampling. */
  seed: z.number().int().default(42),
});
export type GbdtParams = z.output<typeof GbdtParams>;
export type GbdtParamsInput = z.input<typeof GbdtParams>;
