import { InsufficientDataError } from '../../../../core/errors.js';
import { parseWith, requireFitted } from '../../../ml/index.js';
import { BaseForecaster, requireTrainingRows, type ForecastValues } from '../../forecaster.js';
import { ResidualQuantiles } from '../../intervals/residual-quantiles.js';
import type { LoadSeries } from '../../load-series.js';
import { MlrLayout, mlrRows, temperatureGroups, type MlrRows, type TemperatureScale } from './mlr-design.js';
import { MlrParams, type MlrParamsInput } from './mlr-params.js';
import { fitCellLeastSquares, predictCells } from './cell-least-squares.js';

interface FittedMlr {
  readonly scale: TemperatureScale;
  readonly beta: Float64Array;
  /** Built on the first request for intervals (station selection never asks). */
  readonly residuals: () => ResidualQuantiles;
}

/**
 * Multiple linear regression on calendar and temperature terms (see {@link MlrParams}): the
 * `vanilla-mlr` and `recency-mlr` registry entries are this class with different defaults.
 * Intervals are the point forecast plus the in-sample residual quantiles of the same hour of day.
 */
export class MlrForecaster extends BaseForecaster<MlrParams> {
  private fitted: FittedMlr | undefined;
  private readonly layout: MlrLayout;

  constructor(
    readonly name: 'vanilla-mlr' | 'recency-mlr',
    params: MlrParamsInput = {},
  ) {
    super(parseWith(MlrParams, params, `${name} parameter`));
    this.layout = new MlrLayout(this.params);
  }

  /** Fitted coefficients over the layout's columns (intercept first). */
  get coefficients(): Float64Array {
    return requireFitted(this.fitted, this.name).beta;
  }

  fit(train: LoadSeries): this {
    requireTrainingRows(train, this.layout.width, this.name);
    const scale = temperatureScale(train, this.params);
    const rows = mlrRows(train, this.params, scale, 0, train.length);
    const usable = usableRows(train.load, rows);
    if (usable.length < this.layout.width) {
      throw new InsufficientDataError(`${this.name} training rows with load and temperature terms`, usable.length / this.layout.width, 1);
    }
    const y = new Float64Array(usable.length);
    const hours = new Int32Array(usable.length);
    usable.forEach((row, k) => {
      y[k] = train.load[row];
      hours[k] = rows.hour[row];
    });
    const design = this.layout.design(rows, usable);
    const beta = fitCellLeastSquares(design, y, this.params.ridge);
    const fittedValues = predictCells(design, beta);
    for (let k = 0; k < y.length; k++) fittedValues[k] = y[k] - fittedValues[k];
    const residuals = fittedValues;
    let quantiles: ResidualQuantiles | undefined;
    this.fitted = { scale, beta, residuals: () => (quantiles ??= ResidualQuantiles.fit(residuals, hours)) };
    return this;
  }

  protected forecast(visible: LoadSeries, origin: number, steps: number, levels: readonly number[]): ForecastValues {
    const { scale, beta, residuals } = requireFitted(this.fitted, this.name);
    const rows = mlrRows(visible, this.params, scale, origin, origin + steps);
    const point = predictCells(this.layout.design(rows), beta);
    return { point, quantiles: levels.length > 0 ? residuals().apply(point, levels, rows.hour) : new Map() };
  }
}

/** Mean and standard deviation of the temperature on rows with known load. */
function temperatureScale(train: LoadSeries, params: MlrParams): TemperatureScale {
  const [temperature] = temperatureGroups(train, { ...params, temperatureLagsHours: [], temperatureDailyMeans: [] }, 0, train.length);
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  temperature.forEach((t, i) => {
    if (t !== t || train.load[i] !== train.load[i]) return;
    n++;
    sum += t;
    sumSq += t * t;
  });
  const center = n > 0 ? sum / n : 0;
  const sd = n > 1 ? Math.sqrt(Math.max(sumSq / n - center * center, 0)) : 0;
  return { center, scale: sd > 0 ? sd : 1 };
}

/** Rows with a known load and every temperature term known. */
function usableRows(load: Float64Array, rows: MlrRows): Int32Array {
  const usable = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) usable[i] = load[i] === load[i] ? 1 : 0;
  for (const t of rows.temperatures) for (let i = 0; i < rows.length; i++) if (t[i] !== t[i]) usable[i] = 0;
  const out = new Int32Array(usable.reduce((n, u) => n + u, 0));
  for (let i = 0, k = 0; i < rows.length; i++) if (usable[i]) out[k++] = i;
  return out;
}
