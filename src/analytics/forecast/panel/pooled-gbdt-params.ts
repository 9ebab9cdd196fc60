import { z } from 'zod';
import { GbdtParams } from '../../ml/index.js';
import { CalendarFeature } from '../features/calendar-features.js';

const hours = z.number().positive().max(24 * 366);

/** Hyper-parameters of {@link PooledGbdtForecaster}, with documented defaults. */
export const PooledGbdtParams = z.object({
  /** No load younger than this reaches a feature; a forecast may run this far past its origin (24 h: day-ahead from midnight). */
  minLoadLagHours: hours.default(24),
  /** Load lags in hours, each at least minLoadLagHours. */
  loadLagsHours: z.array(hours).default([24, 48, 72, 168, 336]),
  /** The series' recent level: its mean load over this many hours ending minLoadLagHours before the row. */
  levelHours: hours.default(168),
  /** Calendar and holiday features of each row's local time (Chinese 调休 included through dayKind and makeupWorkday). */
  calendar: z.array(CalendarFeature).default(['minuteOfDay', 'dayOfWeek', 'dayKind', 'holidayBefore', 'holidayAfter', 'bridgeDay', 'makeupWorkday']),
  /** Exogenous temperature column: its value and the previous local day's mean are features when the panel has it. */
  temperature: z.string().min(1).default('temperature'),
  /** Training rows come from the last this many days before the fit end. */
  trainDays: z.number().int().min(7).max(3660).default(365),
  /** The last days before the fit end are held out: early stopping and the interval residuals. */
  validationDays: z.number().int().min(1).max(60).default(7),
  /** Training rows drawn over all series (evenly per series, at random within each): keeps time flat as series grow. */
  sampleRows: z.number().int().min(1000).max(10_000_000).default(40_000),
  /** The trees (squared error on load ÷ series scale). */
  model: GbdtParams.omit({ objective: true, alpha: true }).prefault({ nEstimators: 200, learningRate: 0.15, numLeaves: 31, minDataInLeaf: 20, earlyStoppingRounds: 20, maxBins: 63 }),
  /**
   * What the trees learn. 'ratio-to-scale': load ÷ scale (best with months of history: on the
   * 240-day demo it halves the seasonal-naive error of transformer areas); 'change-from-last-week':
   * (load − load a week earlier) ÷ scale, so that a model that has learnt little forecasts seasonal
   * naive (safer with a few weeks of history).
   */
  target: z.enum(['ratio-to-scale', 'change-from-last-week']).default('ratio-to-scale'),
  /** Seed of the row sampling. */
  seed: z.number().int().default(7),
}).refine((p) => p.loadLagsHours.every((h) => h >= p.minLoadLagHours), {
  message: 'every load lag must be at least minLoadLagHours',
  path: ['loadLagsHours'],
});
export type PooledGbdtParams = z.output<typeof PooledGbdtParams>;
export type PooledGbdtParamsInput = z.input<typeof PooledGbdtParams>;
