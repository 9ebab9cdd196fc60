import { ValidationError } from '../../../../core/errors.js';
import { GradientBoostingModel, parseWith, requireFitted, type Dataset } from '../../../ml/index.js';
import { buildFeatures, featureDataset } from '../../features/feature-builder.js';
import { BaseForecaster, requireTrainingRows, type ForecastValues } from '../../forecaster.js';
import { ResidualQuantiles } from '../../intervals/residual-quantiles.js';
import type { LoadSeries } from '../../load-series.js';
import { hourGroups } from '../seasonal-naive-forecaster.js';
import { GbdtForecasterParams, type GbdtForecasterParamsInput } from './gbdt-forecaster-params.js';
import { fitTrend, recencyWeights, targetTransform, transformLoadFeatures, type LinearTrend, type TargetTransform } from './target-transform.js';

interface FittedGbdt {
  readonly point: GradientBoostingModel;
  readonly quantileModels: ReadonlyMap<number, GradientBoostingModel>;
  readonly residuals: ResidualQuantiles;
  readonly trend: LinearTrend | undefined;
}

/** Training rows, split in time order into a fitting part and a held-out validation tail. */
interface TrainingData {
  readonly all: Dataset;
  readonly fitting: Dataset;
  readonly validation: Dataset | undefined;
  /** Series rows of the validation tail (or of all rows when nothing is held out). */
  readonly heldRows: Int32Array;
}

/**
 * Gradient-boosted trees (analytics/ml histogram GBDT) on calendar, holiday, weather and lagged
 * load features. Load lags are at least `features.minLoadLagHours` old and a forecast may not run
 * further than that past its origin, so a forecast never needs a load value it could not know.
 */
export class GbdtForecaster extends BaseForecaster<GbdtForecasterParams> {
  readonly name = 'gbdt';
  private fitted: FittedGbdt | undefined;

  constructor(params: GbdtForecasterParamsInput = {}) {
    super(parseWith(GbdtForecasterParams, params, 'gbdt forecaster parameter'));
  }

  /** The fitted point model (feature importance, persistence). */
  get pointModel(): GradientBoostingModel {
    return requireFitted(this.fitted, this.name).point;
  }

  fit(train: LoadSeries): this {
    requireTrainingRows(train, 100, this.name);
    const known = Int32Array.from(train.load.keys()).filter((i) => train.load[i] === train.load[i]);
    const trend = this.params.target === 'ratio-to-trend' ? fitTrend(train, trendRows(train, known, this.params.trendYears)) : undefined;
    const transform = targetTransform(this.params, train, 0, train.length, trend);
    const target = Float64Array.from(train.load, (y, i) => transform.toTarget(y, i));
    const data = this.trainingData(train, known.filter((i) => target[i] === target[i]), target, transform);
    const first = new GradientBoostingModel(this.params.model).fit(data.fitting, { validation: data.validation });
    const residuals = residualQuantiles(first, data, train, transform);
    const point = this.params.refit && data.validation
      ? new GradientBoostingModel({ ...this.params.model, nEstimators: first.bestIteration + 1, earlyStoppingRounds: 0 }).fit(data.all)
      : first;
    this.fitted = { point, quantileModels: this.quantileModels(data), residuals, trend };
    return this;
  }

  protected forecast(visible: LoadSeries, origin: number, steps: number, levels: readonly number[]): ForecastValues {
    const { point: model, quantileModels, residuals, trend } = requireFitted(this.fitted, this.name);
    this.checkReach(visible, steps);
    const spec = this.params.features;
    const transform = targetTransform(this.params, visible, origin, origin + steps, trend);
    const data = featureDataset(transformLoadFeatures(buildFeatures(visible, spec, { from: origin, to: origin + steps }), transform), spec);
    const toLoad = (values: Float64Array) => values.map((v, i) => transform.fromTarget(v, i));
    const point = toLoad(model.predict(data));
    const byResidual = residuals.apply(point, levels, hourGroups(visible, origin, origin + steps));
    const quantiles = new Map(levels.map((q) => {
      const qModel = quantileModels.get(q);
      return [q, qModel ? toLoad(qModel.predict(data)) : (byResidual.get(q) as Float64Array)];
    }));
    return { point, quantiles: sortQuantiles(quantiles) };
  }

  /** Throws when a forecast would need load younger than the minimum lag. */
  private checkReach(series: LoadSeries, steps: number): void {
    const spec = this.params.features;
    const usesLoad = spec.loadLagsHours.length > 0 || spec.loadWindowMeansHours.length > 0 || this.params.target === 'difference-from-recent-mean';
    const reach = Math.round(spec.minLoadLagHours * series.stepsPerHour);
    if (usesLoad && steps > reach) {
      throw new ValidationError(`a ${steps}-step forecast reaches past its ${spec.minLoadLagHours} h minimum load lag; forecast at most ${reach} steps per origin`, { steps, reach });
    }
  }

  private trainingData(train: LoadSeries, usable: Int32Array, target: Float64Array, transform: TargetTransform): TrainingData {
    const spec = this.params.features;
    const columns = transformLoadFeatures(buildFeatures(train, spec, { from: 0, to: train.length }), transform);
    const weights = this.params.recencyHalfLifeDays ? recencyWeights(train, this.params.recencyHalfLifeDays) : undefined;
    const all = featureDataset(columns, spec, target.map((v) => (v === v ? v : 0)), weights).subset(usable);
    const cut = Math.floor(usable.length * (1 - this.params.validationShare));
    const validation = cut < usable.length ? all.subset(range(cut, usable.length)) : undefined;
    return {
      all,
      fitting: validation ? all.subset(range(0, cut)) : all,
      validation,
      heldRows: validation ? usable.subarray(cut) : usable,
    };
  }

  private quantileModels(data: TrainingData): Map<number, GradientBoostingModel> {
    if (this.params.intervals !== 'quantile-gbdt') return new Map();
    const base = { ...this.params.model, ...this.params.quantileModel };
    return new Map(this.params.quantiles.map((alpha) => [
      alpha,
      new GradientBoostingModel({ ...base, objective: 'quantile', alpha }).fit(data.fitting, { validation: data.validation }),
    ]));
  }
}

/** The known rows within the last `years` years of a training series (all of them when `years` is absent). */
function trendRows(train: LoadSeries, known: Int32Array, years: number | undefined): Int32Array {
  if (years === undefined || known.length === 0) return known;
  const from = train.timestamps[known[known.length - 1]] - years * 365.25 * 86_400_000;
  return known.filter((i) => train.timestamps[i] >= from);
}

function range(from: number, to: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, i) => from + i);
}

/** Residual quantiles (in load units, by hour of day) on the held-out rows, in-sample when none are held out. */
function residualQuantiles(model: GradientBoostingModel, data: TrainingData, train: LoadSeries, transform: TargetTransform): ResidualQuantiles {
  const predicted = model.predict(data.validation ?? data.all);
  const residuals = Float64Array.from(data.heldRows, (row, k) => train.load[row] - transform.fromTarget(predicted[k], row));
  const hours = hourGroups(train, 0, train.length);
  return ResidualQuantiles.fit(residuals, Int32Array.from(data.heldRows, (row) => hours[row]));
}

/** Sorts each row's quantiles by level so that intervals never cross. */
function sortQuantiles(quantiles: Map<number, Float64Array>): Map<number, Float64Array> {
  const levels = [...quantiles.keys()].sort((a, b) => a - b);
  const columns = levels.map((q) => quantiles.get(q) as Float64Array);
  const n = columns[0]?.length ?? 0;
  const row = new Float64Array(levels.length);
  for (let i = 0; i < n; i++) {
    columns.forEach((c, k) => (row[k] = c[i]));
    row.sort();
    columns.forEach((c, k) => (c[i] = row[k]));
  }
  return quantiles;
}
