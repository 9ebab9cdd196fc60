import { z } from 'zod';
import { parseWith } from '../../ml/index.js';
import { BaseForecaster, requireTrainingRows, type ForecastValues } from '../forecaster.js';
import { localClock } from '../features/local-clock.js';
import { ResidualQuantiles } from '../intervals/residual-quantiles.js';
import type { LoadSeries } from '../load-series.js';

/** Hyper-parameters of {@link SeasonalNaiveForecaster}. */
export const SeasonalNaiveParams = z.object({
  /** The season: 168 = same hour last week; 24 = same hour yesterday. */
  seasonHours: z.number().int().min(1).max(24 * 366).default(168),
});
export type SeasonalNaiveParams = z.output<typeof SeasonalNaiveParams>;

/** Hour of day (0..23) of rows [from, to): the groups interval residuals are kept by. */
export function hourGroups(series: LoadSeries, from: number, to: number): Int32Array {
  return localClock(series, from, to).minute.map((m) => Math.floor(m / 60));
}

/**
 * The baseline every forecast is compared with: the load of the same time one season earlier
 * (one week by default). Beyond one season it repeats the last known season, and a missing value
 * falls back to the season before. Intervals come from the residuals of the same rule in training.
 */
export class SeasonalNaiveForecaster extends BaseForecaster<SeasonalNaiveParams> {
  readonly name = 'seasonal-naive';
  private residuals: ResidualQuantiles | undefined;

  constructor(params: z.input<typeof SeasonalNaiveParams> = {}) {
    super(parseWith(SeasonalNaiveParams, params, 'seasonal-naive parameter'));
  }

  fit(train: LoadSeries): this {
    const season = this.seasonSteps(train);
    requireTrainingRows(train, season + 1, 'seasonal naive');
    const residuals = new Float64Array(train.length).fill(Number.NaN);
    for (let i = season; i < train.length; i++) residuals[i] = train.load[i] - train.load[i - season];
    this.residuals = ResidualQuantiles.fit(residuals, hourGroups(train, 0, train.length));
    return this;
  }

  protected forecast(visible: LoadSeries, origin: number, steps: number, levels: readonly number[]): ForecastValues {
    const season = this.seasonSteps(visible);
    const point = new Float64Array(steps);
    for (let s = 0; s < steps; s++) point[s] = lastSeasonValue(visible.load, origin + s, season, origin);
    const quantiles = this.residuals && levels.length > 0 ? this.residuals.apply(point, levels, hourGroups(visible, origin, origin + steps)) : new Map();
    return { point, quantiles };
  }

  private seasonSteps(series: LoadSeries): number {
    return Math.round(this.params.seasonHours * series.stepsPerHour);
  }
}

/** The known load at row − k·season for the smallest k that lands before `origin`; NaN if none. */
function lastSeasonValue(load: Float64Array, row: number, season: number, origin: number): number {
  let j = row - season;
  while (j >= origin) j -= season;
  for (; j >= 0; j -= season) if (load[j] === load[j]) return load[j];
  return Number.NaN;
}
