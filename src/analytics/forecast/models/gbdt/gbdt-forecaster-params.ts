import { z } from 'zod';
import { GbdtParams } from '../../../ml/index.js';
import { FeatureSpec } from '../../features/feature-spec.js';
import { DEFAULT_QUANTILES } from '../../intervals/residual-quantiles.js';

/** Hyper-parameters of {@link GbdtForecaster}: features, trees, intervals and trend handling. */
export const GbdtForecasterParams = z.object({
  /** Which features the trees read (calendar, weather, load lags ≥ minLoadLagHours). */
  features: FeatureSpec.prefault({}),
  /** The point model (squared error); early stopping watches the validation share. */
  model: GbdtParams.omit({ objective: true, alpha: true }).prefault({ nEstimators: 400, learningRate: 0.05, numLeaves: 31, minDataInLeaf: 40 }),
  /**
   * 'residual': quantiles = point + residual quantiles on the held-out validation rows (by hour);
   * 'quantile-gbdt': one quantile-loss model per level in `quantiles` (others fall back to residuals).
   */
  intervals: z.enum(['residual', 'quantile-gbdt']).default('residual'),
  /** Levels the quantile models are trained for. */
  quantiles: z.array(z.number().gt(0).lt(1)).default([...DEFAULT_QUANTILES]),
  /** Overrides of `model` for the quantile models (fewer trees keep training time down). */
  quantileModel: GbdtParams.omit({ objective: true, alpha: true }).partial().default({}),
  /** Last share of the training rows held out (in time order) for early stopping and residual quantiles. */
  validationShare: z.number().min(0).max(0.5).default(0.1),
  /** Refit on all training rows with the number of trees early stopping chose. */
  refit: z.boolean().default(true),
  /**
   * What the trees learn. 'load': the load as it is (trees cannot go beyond the training range);
   * 'ratio-to-trend': the load divided by a straight line in time fitted on the training rows
   * (a slow growth or decline carries into the future); 'difference-from-recent-mean': the load
   * minus its mean over `recentMeanHours` ending `features.minLoadLagHours` before the row, so a
   * level shift after training (less solar in autumn, more heating) carries into the forecast.
   */
  target: z.enum(['load', 'ratio-to-trend', 'difference-from-recent-mean']).default('load'),
  recentMeanHours: z.number().positive().max(24 * 28).default(24),
  /** 'ratio-to-trend': fit the line on the last this many years of training rows only (all rows when absent). */
  trendYears: z.number().positive().max(100).optional(),
  /** Weights rows by 0.5^(age / half-life) so that recent behaviour counts more (off when absent). */
  recencyHalfLifeDays: z.number().positive().optional(),
});
export type GbdtForecasterParams = z.output<typeof GbdtForecasterParams>;
export type GbdtForecasterParamsInput = z.input<typeof GbdtForecasterParams>;
