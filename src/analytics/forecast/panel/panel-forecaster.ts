import { ValidationError } from '../../../core/errors.js';
import type { LoadPanel } from './load-panel.js';

/** Forecasts of every series of a panel for the same rows. */
export interface PanelForecast {
  /** First forecast row of the panel. */
  readonly origin: number;
  readonly timestamps: Float64Array;
  /** Point forecast per series (NaN where a series could not be forecast). */
  readonly point: readonly Float64Array[];
  /** Quantile level → forecast per series. */
  readonly quantiles: ReadonlyMap<number, readonly Float64Array[]>;
}

/**
 * A forecaster of many series at once (STYLE.md item 5, for panels): typed hyper-parameters fixed
 * at construction, `fit` on rows [0, end) of a panel, `predict` of `steps` rows from `origin`.
 * `predict` may read load only before `origin`: models get the loads cut there.
 */
export interface PanelForecaster {
  readonly name: string;
  readonly params: unknown;
  fit(panel: LoadPanel, end: number): this;
  predict(panel: LoadPanel, origin: number, steps: number, levels: readonly number[]): PanelForecast;
}

/** Request validation and the information barrier, written once for every panel forecaster. */
export abstract class BasePanelForecaster<P> implements PanelForecaster {
  abstract readonly name: string;

  constructor(readonly params: P) {}

  abstract fit(panel: LoadPanel, end: number): this;

  predict(panel: LoadPanel, origin: number, steps: number, levels: readonly number[]): PanelForecast {
    if (!Number.isInteger(origin) || origin < 1 || !Number.isInteger(steps) || steps < 1 || origin + steps > panel.length) {
      throw new ValidationError(`cannot forecast ${steps} rows from row ${origin} of a ${panel.length}-row panel`, { origin, steps });
    }
    for (const level of levels) if (!(level > 0 && level < 1)) throw new ValidationError(`quantile level ${level} is not between 0 and 1`, { level });
    const visible = panel.loads.map((load) => load.subarray(0, origin));
    const values = this.forecast(panel, visible, origin, steps, levels);
    return { origin, timestamps: panel.timestamps.slice(origin, origin + steps), ...values };
  }

  /** Forecasts rows [origin, origin + steps) of every series from `visible` loads, which end at `origin`. */
  protected abstract forecast(panel: LoadPanel, visible: readonly Float64Array[], origin: number, steps: number, levels: readonly number[]): Omit<PanelForecast, 'origin' | 'timestamps'>;
}

/** Checks that a fit covers at least one row and stays within the panel. */
export function checkFitEnd(panel: LoadPanel, end: number): void {
  if (!Number.isInteger(end) || end < 1 || end > panel.length) throw new ValidationError(`cannot fit on rows [0, ${end}) of a ${panel.length}-row panel`, { end });
}

/** Value of a visible load at a row; NaN before the start or at/after the cut. */
export function visibleAt(load: Float64Array, row: number): number {
  return row >= 0 && row < load.length ? load[row] : Number.NaN;
}
