import { z } from 'zod';
import { CalendarFeature } from './calendar-features.js';

const hours = z.number().positive().max(24 * 366);

/**
 * Which features a tree model reads, with documented defaults. Load lags are given in hours and
 * must all be at least `minLoadLagHours`, the forecast's information constraint: a day-ahead
 * forecast issued 24 h before its last step can only use load at least 48 h old.
 */
export const FeatureSpec = z.object({
  /** Calendar and holiday features of each row's local time. */
  calendar: z.array(CalendarFeature).default(['hour', 'dayOfWeek', 'dayOfYear', 'month', 'holiday', 'holidayBefore', 'holidayAfter', 'bridgeDay']),
  /** Exogenous columns used as they are (weather, prices, standard profiles). */
  exogenous: z.array(z.string()).default([]),
  /** Exogenous column whose lags and previous-day means are added (usually temperature). */
  temperature: z.string().optional(),
  temperatureLagsHours: z.array(hours).default([]),
  /** d = 1 adds the mean of yesterday's temperatures, d = 2 the day before, ... */
  temperatureDailyMeans: z.array(z.number().int().min(1).max(14)).default([]),
  /** Load lags in hours (e.g. 48, 168, 336). */
  loadLagsHours: z.array(hours).default([]),
  /** Means of the load over the given number of hours ending `minLoadLagHours` before each row. */
  loadWindowMeansHours: z.array(hours).default([]),
  /** The smallest load lag allowed: no load value younger than this reaches a feature. */
  minLoadLagHours: hours.default(48),
}).refine((s) => s.loadLagsHours.every((h) => h >= s.minLoadLagHours), {
  message: 'every load lag must be at least minLoadLagHours',
  path: ['loadLagsHours'],
});
export type FeatureSpec = z.output<typeof FeatureSpec>;
export type FeatureSpecInput = z.input<typeof FeatureSpec>;

/** Column names a spec produces, in a stable order. */
export function featureNames(spec: FeatureSpec): string[] {
  const t = spec.temperature;
  return [
    ...spec.calendar,
    ...spec.exogenous,
    ...(t ? spec.temperatureLagsHours.map((h) => `${t}_lag${h}h`) : []),
    ...(t ? spec.temperatureDailyMeans.map((d) => `${t}_day${d}_mean`) : []),
    ...spec.loadLagsHours.map((h) => `load_lag${h}h`),
    ...spec.loadWindowMeansHours.map((h) => `load_mean${h}h_lag${spec.minLoadLagHours}h`),
  ];
}
