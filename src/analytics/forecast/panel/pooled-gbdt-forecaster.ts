import { InsufficientDataError, ValidationError } from '../../../core/errors.js';
import { Dataset, GradientBoostingModel, Mulberry32, parseWith, requireFitted } from '../../ml/index.js';
import { ResidualQuantiles } from '../intervals/residual-quantiles.js';
import type { LoadPanel } from './load-panel.js';
import { PanelFeatures } from './panel-features.js';
import { BasePanelForecaster, checkFitEnd, type PanelForecast } from './panel-forecaster.js';
import { PooledGbdtParams, type PooledGbdtParamsInput } from './pooled-gbdt-params.js';
import { hourOfRows } from './seasonal-naive-panel-forecaster.js';

interface FittedPooled {
  readonly model: GradientBoostingModel;
  /** Mean absolute load of each series over its training rows; NaN = the series had none. */
  readonly scales: Float64Array;
  /** Residuals of load ÷ scale on held-out rows, by local hour. */
  readonly residuals: ResidualQuantiles;
  readonly featureNames: readonly string[];
}

/** Sampled rows of the panel: series index and row of each. */
interface RowSample {
  readonly series: Int32Array;
  readonly rows: Int32Array;
}

/**
 * One gradient-boosted tree model for all series of a panel (a "global" model, as M5 and
 * OpenSTEF-style fleets use): each series' load is divided by its mean absolute load, so that a
 * 30 kW area and a 3 MW one share the shape the trees learn from calendar, weather, load lags
 * (≥ minLoadLagHours) and the series' recent level. Training rows are sampled evenly per series,
 * so the fit time depends on `sampleRows`, not on the number of series. Intervals are the point
 * forecast plus scale × the hour-of-day quantiles of the normalised residuals on the held-out last
 * `validationDays`.
 */
export class PooledGbdtForecaster extends BasePanelForecaster<PooledGbdtParams> {
  readonly name = 'pooled-gbdt';
  private fitted: FittedPooled | undefined;

  constructor(params: PooledGbdtParamsInput = {}) {
    super(parseWith(PooledGbdtParams, params, 'pooled-gbdt parameter'));
  }

  /** Trees kept after early stopping. */
  get treeCount(): number {
    return requireFitted(this.fitted, this.name).model.treeCount;
  }

  fit(panel: LoadPanel, end: number): this {
    checkFitEnd(panel, end);
    const features = new PanelFeatures(panel, this.params);
    const visible = panel.loads.map((load) => load.subarray(0, end));
    const first = Math.max(features.reachRows, end - this.params.trainDays * panel.stepsPerDay);
    const scales = Float64Array.from(visible, (load) => meanAbs(load, first, end));
    const cut = Math.max(first, end - this.params.validationDays * panel.stepsPerDay);
    const rng = new Mulberry32(this.params.seed);
    const quota = Math.ceil(this.params.sampleRows / panel.loads.length);
    const usable = (load: Float64Array, row: number) => load[row] === load[row] && this.base(features, load, row) === this.base(features, load, row);
    const train = this.dataset(features, visible, scales, sampleRows(visible, scales, first, cut, quota, rng, usable));
    const held = sampleRows(visible, scales, cut, end, Math.ceil(quota / 4), rng, usable);
    const validation = held.rows.length > 0 ? this.dataset(features, visible, scales, held) : undefined;
    if (train.nRows < 100) throw new InsufficientDataError('pooled-gbdt training rows with known load and lags', train.nRows / 100, 1);
    const model = new GradientBoostingModel(this.params.model).fit(train, { validation });
    const scored = validation && validation.nRows >= 50 ? { data: validation, sample: held } : { data: train, sample: undefined };
    const predicted = model.predict(scored.data);
    const residuals = Float64Array.from(predicted, (p, i) => (scored.data.target as Float64Array)[i] - p);
    const hours = scored.sample ? Int32Array.from(scored.sample.rows, (row) => Math.floor(panel.clock.minute[row] / 60)) : undefined;
    this.fitted = { model, scales, residuals: ResidualQuantiles.fit(residuals, hours), featureNames: features.names };
    return this;
  }

  protected forecast(panel: LoadPanel, visible: readonly Float64Array[], origin: number, steps: number, levels: readonly number[]): Omit<PanelForecast, 'origin' | 'timestamps'> {
    const { model, scales, residuals } = requireFitted(this.fitted, this.name);
    if (scales.length !== panel.loads.length) throw new ValidationError(`pooled-gbdt was fitted on ${scales.length} series, asked for ${panel.loads.length}`);
    const reach = Math.round(this.params.minLoadLagHours * panel.stepsPerHour);
    if (steps > reach) throw new ValidationError(`a ${steps}-row forecast reaches past the ${this.params.minLoadLagHours} h minimum load lag; forecast at most ${reach} rows per origin`, { steps, reach });
    const features = new PanelFeatures(panel, this.params);
    const n = visible.length;
    const values = new Float64Array(n * steps * features.width);
    for (let k = 0; k < n; k++) {
      for (let s = 0; s < steps; s++) features.fill(values, (k * steps + s) * features.width, origin + s, visible[k], scales[k] === scales[k] ? scales[k] : 1);
    }
    const predicted = model.predict(new Dataset({ featureNames: features.names, values }));
    const hours = hourOfRows(panel, origin, origin + steps);
    const point = visible.map((load, k) => Float64Array.from({ length: steps }, (_, s) => this.base(features, load, origin + s) + predicted[k * steps + s] * scales[k]));
    const quantiles = new Map(levels.map((level) => {
      const offsets = Float64Array.from({ length: 24 }, (_, h) => residuals.offset(level, h));
      return [level, point.map((p, k) => p.map((v, s) => v + scales[k] * offsets[hours[s]]))];
    }));
    return { point, quantiles };
  }

  /** The value the target is relative to at a row (0 for 'ratio-to-scale'). */
  private base(features: PanelFeatures, load: Float64Array, row: number): number {
    return this.params.target === 'change-from-last-week' ? features.baseline(load, row) : 0;
  }

  private dataset(features: PanelFeatures, visible: readonly Float64Array[], scales: Float64Array, sample: RowSample): Dataset {
    const n = sample.rows.length;
    const values = new Float64Array(n * features.width);
    const target = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const k = sample.series[i];
      const row = sample.rows[i];
      features.fill(values, i * features.width, row, visible[k], scales[k]);
      target[i] = (visible[k][row] - this.base(features, visible[k], row)) / scales[k];
    }
    return new Dataset({ featureNames: features.names, values, target });
  }
}

/** Mean absolute known load over rows [from, to); NaN when none is known or all are zero. */
function meanAbs(load: Float64Array, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let i = Math.max(0, from); i < to; i++) {
    const v = load[i];
    if (v === v) {
      sum += Math.abs(v);
      n++;
    }
  }
  return n > 0 && sum > 0 ? sum / n : Number.NaN;
}

/** Up to `quota` usable rows (known load and baseline) in [from, to) per series with a scale, drawn without replacement. */
function sampleRows(loads: readonly Float64Array[], scales: Float64Array, from: number, to: number, quota: number, rng: Mulberry32, usable: (load: Float64Array, row: number) => boolean): RowSample {
  const series: number[] = [];
  const rows: number[] = [];
  const candidates = new Int32Array(Math.max(0, to - from));
  loads.forEach((load, k) => {
    if (scales[k] !== scales[k]) return;
    let m = 0;
    for (let r = from; r < to; r++) if (usable(load, r)) candidates[m++] = r;
    const take = Math.min(quota, m);
    for (let i = 0; i < take; i++) {
      const j = i + rng.int(m - i);
      const pick = candidates[j];
      candidates[j] = candidates[i];
      candidates[i] = pick;
      series.push(k);
      rows.push(pick);
    }
  });
  return { series: Int32Array.from(series), rows: Int32Array.from(rows) };
}
