import { ValidationError } from '../../core/errors.js';

/** What a {@link Dataset} is built from. */
export interface DatasetInit {
  /** One unique, non-empty name per feature (column). */
  readonly featureNames: readonly string[];
  /**
   * Row-major values: feature `f` of row `r` sits at `r * featureNames.length + f`. NaN marks a
   * missing value (trees route it; linear models reject it); ±Infinity is rejected.
   */
  readonly values: Float64Array;
  /** One finite target per row (regression value, or 0/1 label for binary models). */
  readonly target?: Float64Array;
  /** One finite, non-negative weight per row; at least one must be positive. */
  readonly weights?: Float64Array;
}

export interface DatasetOptions {
  readonly target?: ArrayLike<number>;
  readonly weights?: ArrayLike<number>;
}

/**
 * A validated dense numeric matrix for the models in `analytics/ml`. Row-major storage keeps one
 * row's features in one or two cache lines, which is what tree prediction and sparse Gram
 * accumulation read. The constructor rejects bad input; afterwards every model can trust it.
 */
export class Dataset {
  readonly featureNames: readonly string[];
  readonly values: Float64Array;
  readonly target: Float64Array | undefined;
  readonly weights: Float64Array | undefined;
  readonly nRows: number;
  readonly nFeatures: number;
  /** Whether any feature value is missing (NaN). */
  readonly hasMissing: boolean;
  private readonly index: ReadonlyMap<string, number>;

  constructor(init: DatasetInit) {
    this.featureNames = Object.freeze([...init.featureNames]);
    this.index = checkNames(this.featureNames);
    this.nFeatures = this.featureNames.length;
    if (init.values.length % this.nFeatures !== 0) {
      throw new ValidationError(`dataset values (${init.values.length}) are not a multiple of ${this.nFeatures} features`, {
        values: init.values.length,
        features: this.nFeatures,
      });
    }
    this.nRows = init.values.length / this.nFeatures;
    this.hasMissing = checkFeatureValues(init.values, this.nFeatures);
    this.values = init.values;
    this.target = init.target && checkVector('target', init.target, this.nRows);
    this.weights = init.weights && checkWeights(checkVector('weights', init.weights, this.nRows));
  }

  /** Builds a dataset from named columns of equal length. */
  static fromColumns(columns: Readonly<Record<string, ArrayLike<number>>>, options: DatasetOptions = {}): Dataset {
    const names = Object.keys(columns);
    const nRows = names.length === 0 ? 0 : columns[names[0]].length;
    const values = new Float64Array(nRows * names.length);
    names.forEach((name, f) => {
      const column = columns[name];
      if (column.length !== nRows) {
        throw new ValidationError(`column ${name} has ${column.length} rows, expected ${nRows}`, { column: name });
      }
      for (let r = 0; r < nRows; r++) values[r * names.length + f] = column[r];
    });
    return new Dataset({ featureNames: names, values, ...toTyped(options) });
  }

  /** Builds a dataset from rows of feature values in `featureNames` order. */
  static fromRows(rows: readonly ArrayLike<number>[], featureNames: readonly string[], options: DatasetOptions = {}): Dataset {
    const p = featureNames.length;
    const values = new Float64Array(rows.length * p);
    rows.forEach((row, r) => {
      if (row.length !== p) throw new ValidationError(`row ${r} has ${row.length} values, expected ${p}`, { row: r });
      for (let f = 0; f < p; f++) values[r * p + f] = row[f];
    });
    return new Dataset({ featureNames, values, ...toTyped(options) });
  }

  value(row: number, feature: number): number {
    return this.values[row * this.nFeatures + feature];
  }

  /** Column position of a feature; throws if the dataset does not have it. */
  featureIndex(name: string): number {
    const f = this.index.get(name);
    if (f === undefined) throw new ValidationError(`dataset has no feature ${name}`, { feature: name });
    return f;
  }

  /** A copy of one feature's values. */
  column(feature: number | string): Float64Array {
    const f = typeof feature === 'string' ? this.featureIndex(feature) : feature;
    const out = new Float64Array(this.nRows);
    for (let r = 0; r < this.nRows; r++) out[r] = this.values[r * this.nFeatures + f];
    return out;
  }

  /** The target, or a ValidationError naming the model that needed it. */
  requireTarget(purpose: string): Float64Array {
    if (!this.target) throw new ValidationError(`${purpose} needs a dataset with a target`, { purpose });
    return this.target;
  }

  /** Throws if any feature value is missing (NaN); for models that cannot route missing values. */
  requireComplete(purpose: string): void {
    if (!this.hasMissing) return;
    const at = this.values.findIndex((v) => Number.isNaN(v));
    const row = Math.floor(at / this.nFeatures);
    const feature = this.featureNames[at % this.nFeatures];
    throw new ValidationError(`${purpose} cannot use missing values (row ${row}, feature ${feature})`, { row, feature });
  }

  /** The rows at the given positions, in that order, with their targets and weights. */
  subset(rows: ArrayLike<number>): Dataset {
    const p = this.nFeatures;
    const values = new Float64Array(rows.length * p);
    for (let i = 0; i < rows.length; i++) values.set(this.values.subarray(rows[i] * p, rows[i] * p + p), i * p);
    const pick = (v: Float64Array | undefined) => v && Float64Array.from({ length: rows.length }, (_, i) => v[rows[i]]);
    return new Dataset({ featureNames: this.featureNames, values, target: pick(this.target), weights: pick(this.weights) });
  }

  /** Column positions in this dataset of the given feature names (a model's feature order). */
  columnsOf(names: readonly string[]): Int32Array {
    return Int32Array.from(names, (name) => this.featureIndex(name));
  }
}

function toTyped(options: DatasetOptions): { target?: Float64Array; weights?: Float64Array } {
  return {
    target: options.target && Float64Array.from(options.target),
    weights: options.weights && Float64Array.from(options.weights),
  };
}

function checkNames(names: readonly string[]): Map<string, number> {
  if (names.length === 0) throw new ValidationError('a dataset needs at least one feature');
  const index = new Map<string, number>();
  names.forEach((name, f) => {
    if (typeof name !== 'string' || name.length === 0) throw new ValidationError(`feature ${f} has an empty name`, { feature: f });
    if (index.has(name)) throw new ValidationError(`duplicate feature name ${name}`, { feature: name });
    index.set(name, f);
  });
  return index;
}

/** Rejects infinite values; returns whether any value is missing (NaN). */
function checkFeatureValues(values: Float64Array, nFeatures: number): boolean {
  let missing = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) missing = true;
    else if (v === Infinity || v === -Infinity) {
      throw new ValidationError(`infinite feature value at row ${Math.floor(i / nFeatures)}, feature ${i % nFeatures}`, {
        row: Math.floor(i / nFeatures),
        feature: i % nFeatures,
      });
    }
  }
  return missing;
}

function checkVector(what: string, vector: Float64Array, nRows: number): Float64Array {
  if (vector.length !== nRows) {
    throw new ValidationError(`${what} has ${vector.length} values for ${nRows} rows`, { what, length: vector.length, rows: nRows });
  }
  for (let r = 0; r < nRows; r++) {
    if (!Number.isFinite(vector[r])) throw new ValidationError(`${what} is not finite at row ${r}`, { what, row: r });
  }
  return vector;
}

function checkWeights(weights: Float64Array): Float64Array {
  let total = 0;
  for (let r = 0; r < weights.length; r++) {
    if (weights[r] < 0) throw new ValidationError(`weight is negative at row ${r}`, { row: r });
    total += weights[r];
  }
  if (weights.length > 0 && total <= 0) throw new ValidationError('weights sum to zero');
  return weights;
}
