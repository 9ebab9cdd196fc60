import { Dataset } from '../ml/index.js';
import { ValidationError } from '../../core/errors.js';

/**
 * One row of named features per meter. Columns are fixed at construction; detectors read it as a
 * {@link Dataset}, rules and evidence read it by name.
 */
export class FeatureTable {
  readonly values: Float64Array;
  private readonly index: ReadonlyMap<string, number>;

  constructor(readonly names: readonly string[], readonly nRows: number) {
    this.index = new Map(names.map((n, i) => [n, i]));
    if (this.index.size !== names.length) throw new ValidationError('duplicate feature names in a feature table', { names });
    this.values = new Float64Array(nRows * names.length);
  }

  get(row: number, name: string): number {
    return this.values[row * this.names.length + this.column(name)];
  }

  set(row: number, name: string, value: number): void {
    this.values[row * this.names.length + this.column(name)] = value;
  }

  /** Writes every named value of a record into one row. */
  setAll(row: number, record: Readonly<Record<string, number>>): void {
    for (const [name, value] of Object.entries(record)) this.set(row, name, value);
  }

  /** One row as a record, for rules and evidence. */
  record(row: number): Record<string, number> {
    return Object.fromEntries(this.names.map((n, f) => [n, this.values[row * this.names.length + f]]));
  }

  columnValues(name: string): Float64Array {
    const f = this.column(name);
    return Float64Array.from({ length: this.nRows }, (_, r) => this.values[r * this.names.length + f]);
  }

  /** A new table with these columns added after the existing ones (one value per row each). */
  withColumns(extra: Readonly<Record<string, ArrayLike<number>>>): FeatureTable {
    const added = Object.keys(extra);
    const out = new FeatureTable([...this.names, ...added], this.nRows);
    const p = this.names.length;
    for (let r = 0; r < this.nRows; r++) {
      out.values.set(this.values.subarray(r * p, r * p + p), r * out.names.length);
      added.forEach((name, i) => (out.values[r * out.names.length + p + i] = extra[name][r]));
    }
    return out;
  }

  /** The table (or some rows of it) as a dataset, with an optional 0/1 target per selected row. */
  toDataset(rows?: readonly number[], target?: ArrayLike<number>): Dataset {
    const p = this.names.length;
    const picked = rows ?? Array.from({ length: this.nRows }, (_, r) => r);
    const values = new Float64Array(picked.length * p);
    picked.forEach((r, i) => values.set(this.values.subarray(r * p, r * p + p), i * p));
    return new Dataset({ featureNames: this.names, values, target: target && Float64Array.from(target) });
  }

  private column(name: string): number {
    const f = this.index.get(name);
    if (f === undefined) throw new ValidationError(`feature table has no column ${name}`, { feature: name });
    return f;
  }
}
