import { InsufficientDataError, ValidationError } from '../../core/errors.js';
import type { LoadSeries } from './load-series.js';

/** What to forecast: `steps` rows of a series from the row at `origin` (an epoch-ms timestamp). */
export interface ForecastRequest {
  readonly origin: number;
  readonly steps: number;
  /** Quantile levels wanted besides the point forecast, e.g. [0.1, 0.5, 0.9]. */
  readonly quantiles?: readonly number[];
}

/** A forecast of consecutive rows. */
export interface Forecast {
  readonly timestamps: Float64Array;
  /** Point forecast (expected load). */
  readonly point: Float64Array;
  /** Quantile level → forecast of that quantile, for each requested level. */
  readonly quantiles: ReadonlyMap<number, Float64Array>;
}

/** The values a model computes for a request; the rest of a {@link Forecast} is filled in once. */
export interface ForecastValues {
  readonly point: Float64Array;
  readonly quantiles: ReadonlyMap<number, Float64Array>;
}

/**
 * The shape every load forecaster shares (STYLE.md item 5): typed hyper-parameters fixed at
 * construction, `fit` on a validated {@link LoadSeries} (rows with unknown load are skipped), and
 * `predict` of a horizon of a series that carries the exogenous values (weather) of the horizon.
 * `predict` may read load only before the origin: it is masked before the model sees it.
 */
export interface Forecaster {
  /** Registry name ('seasonal-naive', 'vanilla-mlr', 'recency-mlr', 'gbdt'). */
  readonly name: string;
  readonly params: unknown;
  fit(train: LoadSeries): this;
  predict(series: LoadSeries, request: ForecastRequest): Forecast;
}

/**
 * The common part of every forecaster: request validation and the information barrier. Models
 * implement `forecast` on a series whose load is NaN from the origin on, so none of them can leak
 * the values they are asked to forecast.
 */
export abstract class BaseForecaster<P> implements Forecaster {
  abstract readonly name: string;

  constructor(readonly params: P) {}

  abstract fit(train: LoadSeries): this;

  predict(series: LoadSeries, request: ForecastRequest): Forecast {
    const origin = series.requireIndex(request.origin);
    const steps = request.steps;
    if (!Number.isInteger(steps) || steps < 1 || origin + steps > series.length) {
      throw new ValidationError(`cannot forecast ${steps} steps from row ${origin} of a ${series.length}-row series`, { origin, steps });
    }
    const levels = checkLevels(request.quantiles ?? []);
    const values = this.forecast(series.maskLoadFrom(origin), origin, steps, levels);
    return { timestamps: series.timestamps.slice(origin, origin + steps), ...values };
  }

  /** Forecasts rows [origin, origin + steps) of `visible`, whose load is unknown from `origin` on. */
  protected abstract forecast(visible: LoadSeries, origin: number, steps: number, levels: readonly number[]): ForecastValues;
}

function checkLevels(levels: readonly number[]): readonly number[] {
  for (const level of levels) {
    if (!(level > 0 && level < 1)) throw new ValidationError(`quantile level ${level} is not between 0 and 1`, { level });
  }
  return levels;
}

/** Throws unless a training series has at least `required` rows of known load. */
export function requireTrainingRows(train: LoadSeries, required: number, what: string): number {
  const known = train.countKnownLoad();
  if (known < required) throw new InsufficientDataError(`${what} training rows with known load`, known / Math.max(1, required), 1);
  return known;
}
