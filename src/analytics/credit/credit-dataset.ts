import { InsufficientDataError, ValidationError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/index.js';

/** One raw feature value: a number, a category code, or missing (null, undefined or NaN). */
export type CreditValue = number | string | null | undefined;

/** One applicant or customer: feature name → raw value. */
export type CreditRow = Readonly<Record<string, CreditValue>>;

/** A text in every language GridLens speaks. */
export type LocalizedText = Readonly<Record<Lang, string>>;

/** Numeric features are binned by value; categorical ones by level. */
export type FeatureKind = 'numeric' | 'categorical';

export interface CreditFeature {
  readonly name: string;
  readonly kind: FeatureKind;
  /** Display name for reason codes and reports. */
  readonly label?: LocalizedText;
}

type Column = Float64Array | readonly (string | null)[];

export interface CreditDatasetInit {
  readonly features: readonly CreditFeature[];
  /** One column per feature: numbers (NaN = missing) for numeric features, strings (null = missing) for categorical ones. */
  readonly columns: Readonly<Record<string, ArrayLike<number> | readonly (string | null)[]>>;
  /** 1 = bad (default, arrears), 0 = good. */
  readonly target?: ArrayLike<number>;
}

/**
 * A validated table of mixed numeric and categorical features with an optional good/bad target,
 * the input of every credit model. The constructor rejects unknown or missing columns, columns of
 * the wrong type or length, infinite numbers and targets other than 0/1.
 */
export class CreditDataset {
  readonly features: readonly CreditFeature[];
  readonly nRows: number;
  readonly target: Uint8Array | undefined;
  private readonly columns: ReadonlyMap<string, Column>;

  constructor(init: CreditDatasetInit) {
    this.features = Object.freeze(checkFeatures(init.features));
    this.nRows = this.features.length === 0 ? 0 : lengthOf(init.columns, this.features[0].name);
    this.columns = new Map(this.features.map((f) => [f.name, checkColumn(f, init.columns[f.name], this.nRows)]));
    this.target = init.target && checkTarget(init.target, this.nRows);
  }

  /** Builds a dataset from rows of raw values (numeric strings are not coerced). */
  static fromRows(rows: readonly CreditRow[], features: readonly CreditFeature[], target?: ArrayLike<number>): CreditDataset {
    const columns: Record<string, ArrayLike<number> | (string | null)[]> = {};
    for (const f of features) {
      columns[f.name] =
        f.kind === 'numeric'
          ? Float64Array.from(rows, (row, r) => numericValue(row[f.name], f.name, r))
          : rows.map((row, r) => categoricalValue(row[f.name], f.name, r));
    }
    return new CreditDataset({ features, columns, target });
  }

  get featureNames(): string[] {
    return this.features.map((f) => f.name);
  }

  feature(name: string): CreditFeature {
    const found = this.features.find((f) => f.name === name);
    if (!found) throw new ValidationError(`credit dataset has no feature ${name}`, { feature: name });
    return found;
  }

  /** The values of a numeric feature (NaN = missing); do not modify. */
  numeric(name: string): Float64Array {
    const column = this.columnOf(name);
    if (!(column instanceof Float64Array)) throw new ValidationError(`feature ${name} is not numeric`, { feature: name });
    return column;
  }

  /** The levels of a categorical feature (null = missing). */
  categorical(name: string): readonly (string | null)[] {
    const column = this.columnOf(name);
    if (column instanceof Float64Array) throw new ValidationError(`feature ${name} is not categorical`, { feature: name });
    return column;
  }

  /** The raw value of one cell. */
  value(name: string, row: number): CreditValue {
    return this.columnOf(name)[row];
  }

  row(r: number): CreditRow {
    return Object.fromEntries(this.features.map((f) => [f.name, this.value(f.name, r)]));
  }

  /** The 0/1 target with both classes present, or an error naming the purpose. */
  requireTarget(purpose: string): Uint8Array {
    if (!this.target) throw new ValidationError(`${purpose} needs a dataset with a good/bad target`, { purpose });
    const bads = this.target.reduce((s, y) => s + y, 0);
    if (bads === 0 || bads === this.nRows) throw new InsufficientDataError(`${purpose}: rows of both classes`, 0, 1);
    return this.target;
  }

  /** The rows at the given positions, in that order. */
  subset(rows: ArrayLike<number>): CreditDataset {
    const pick = <T>(column: ArrayLike<T>): T[] => Array.from({ length: rows.length }, (_, i) => column[rows[i]]);
    const columns: Record<string, ArrayLike<number> | (string | null)[]> = {};
    for (const [name, column] of this.columns) columns[name] = column instanceof Float64Array ? Float64Array.from(pick(column)) : pick(column);
    return new CreditDataset({ features: this.features, columns, target: this.target && pick(this.target) });
  }

  private columnOf(name: string): Column {
    const column = this.columns.get(name);
    if (!column) throw new ValidationError(`credit dataset has no feature ${name}`, { feature: name });
    return column;
  }
}

/** A raw value as a number for a numeric feature: NaN when missing; category strings are rejected. */
export function numericValue(value: CreditValue, feature: string, row = 0): number {
  if (value === null || value === undefined) return NaN;
  if (typeof value !== 'number') throw new ValidationError(`feature ${feature} is numeric; row ${row} has ${JSON.stringify(value)}`, { feature, row });
  return value;
}

/** A raw value as a level of a categorical feature: null when missing. */
export function categoricalValue(value: CreditValue, _feature: string, _row = 0): string | null {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return null;
  return String(value);
}

function checkFeatures(features: readonly CreditFeature[]): CreditFeature[] {
  if (features.length === 0) throw new ValidationError('a credit dataset needs at least one feature');
  const seen = new Set<string>();
  for (const f of features) {
    if (!f.name) throw new ValidationError('a credit feature has an empty name');
    if (seen.has(f.name)) throw new ValidationError(`duplicate credit feature ${f.name}`, { feature: f.name });
    if (f.kind !== 'numeric' && f.kind !== 'categorical') throw new ValidationError(`feature ${f.name} has unknown kind ${String(f.kind)}`);
    seen.add(f.name);
  }
  return [...features];
}

function lengthOf(columns: CreditDatasetInit['columns'], name: string): number {
  const column = columns[name];
  if (!column) throw new ValidationError(`credit dataset is missing column ${name}`, { feature: name });
  return column.length;
}

function checkColumn(feature: CreditFeature, column: CreditDatasetInit['columns'][string] | undefined, nRows: number): Column {
  const name = feature.name;
  if (!column) throw new ValidationError(`credit dataset is missing column ${name}`, { feature: name });
  if (column.length !== nRows) throw new ValidationError(`column ${name} has ${column.length} rows, expected ${nRows}`, { feature: name });
  if (feature.kind === 'numeric') return checkNumeric(name, column as ArrayLike<unknown>);
  const levels = Array.from(column as ArrayLike<unknown>, (v, r) => {
    if (v !== null && typeof v !== 'string') throw new ValidationError(`categorical feature ${name} has ${String(v)} at row ${r}`, { feature: name, row: r });
    return v;
  });
  return Object.freeze(levels);
}

/** A copy of a numeric column; rejects non-numbers and infinities (NaN is a missing value). */
function checkNumeric(name: string, column: ArrayLike<unknown>): Float64Array {
  const values = new Float64Array(column.length);
  for (let r = 0; r < column.length; r++) {
    const v = column[r];
    if (typeof v !== 'number' || v === Infinity || v === -Infinity) throw new ValidationError(`numeric feature ${name} has ${String(v)} at row ${r}`, { feature: name, row: r });
    values[r] = v;
  }
  return values;
}

function checkTarget(target: ArrayLike<number>, nRows: number): Uint8Array {
  if (target.length !== nRows) throw new ValidationError(`target has ${target.length} values for ${nRows} rows`, { length: target.length });
  return Uint8Array.from(target, (y, r) => {
    if (y !== 0 && y !== 1) throw new ValidationError(`credit target must be 0 (good) or 1 (bad); row ${r} is ${y}`, { row: r });
    return y;
  });
}
