import { z } from 'zod';
import { InsufficientDataError } from '../../../core/errors.js';
import { parseWith } from '../../ml/index.js';
import { ResidualQuantiles } from '../intervals/residual-quantiles.js';
import type { LoadPanel } from './load-panel.js';
import { BasePanelForecaster, checkFitEnd, visibleAt, type PanelForecast } from './panel-forecaster.js';

/** Hyper-parameters of {@link SeasonalNaivePanelForecaster}. */
export const SeasonalNaivePanelParams = z.object({
  /** The season: 168 = same hour last week. */
  seasonHours: z.number().int().min(1).max(24 * 366).default(168),
  /** Days of residuals (load minus the load one season earlier) the intervals come from. */
  residualDays: z.number().int().min(7).max(366).default(56),
});
export type SeasonalNaivePanelParams = z.output<typeof SeasonalNaivePanelParams>;

/**
 * The baseline of every panel forecast: each series' load one season earlier (the last known
 * season repeated beyond one season), with intervals from that series' own seasonal differences
 * of the last `residualDays` days by hour of day. Same rule as the single-series
 * `seasonal-naive`, computed for thousands of series without building one series object each.
 */
export class SeasonalNaivePanelForecaster extends BasePanelForecaster<SeasonalNaivePanelParams> {
  readonly name = 'seasonal-naive';
  private residuals: (ResidualQuantiles | undefined)[] = [];

  constructor(params: z.input<typeof SeasonalNaivePanelParams> = {}) {
    super(parseWith(SeasonalNaivePanelParams, params, 'seasonal-naive parameter'));
  }

  fit(panel: LoadPanel, end: number): this {
    checkFitEnd(panel, end);
    const season = this.seasonRows(panel);
    const from = Math.max(season, end - this.params.residualDays * panel.stepsPerDay);
    const hours = hourOfRows(panel, from, end);
    this.residuals = panel.loads.map((load) => {
      const residuals = Float64Array.from({ length: end - from }, (_, k) => load[from + k] - load[from + k - season]);
      try {
        return ResidualQuantiles.fit(residuals, hours);
      } catch (error) {
        if (error instanceof InsufficientDataError) return undefined;
        throw error;
      }
    });
    return this;
  }

  protected forecast(panel: LoadPanel, visible: readonly Float64Array[], origin: number, steps: number, levels: readonly number[]): Omit<PanelForecast, 'origin' | 'timestamps'> {
    const season = this.seasonRows(panel);
    const hours = hourOfRows(panel, origin, origin + steps);
    const point = visible.map((load) => Float64Array.from({ length: steps }, (_, s) => lastSeasonValue(load, origin + s, season)));
    const quantiles = new Map(levels.map((level) => [level, point.map((p, k) => {
      const residuals = this.residuals[k];
      return residuals ? residuals.apply(p, [level], hours).get(level) as Float64Array : new Float64Array(steps).fill(Number.NaN);
    })]));
    return { point, quantiles };
  }

  private seasonRows(panel: LoadPanel): number {
    return Math.round(this.params.seasonHours * panel.stepsPerHour);
  }
}

/** Local hour of day (0..23) of rows [from, to) of a panel. */
export function hourOfRows(panel: LoadPanel, from: number, to: number): Int32Array {
  const minute = panel.clock.minute;
  return Int32Array.from({ length: to - from }, (_, k) => Math.floor(minute[from + k] / 60));
}

/** The known load at row − k·season for the smallest k that lands inside the visible load; NaN if none. */
function lastSeasonValue(load: Float64Array, row: number, season: number): number {
  let j = row - season;
  while (j >= load.length) j -= season;
  for (; j >= 0; j -= season) {
    const v = visibleAt(load, j);
    if (v === v) return v;
  }
  return Number.NaN;
}
