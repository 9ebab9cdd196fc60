import { Mulberry32, type Contributions } from '../ml/index.js';
import { groupBy } from './group-by.js';
import type { FeatureTable } from './feature-table.js';
import { gbdtDefaults, GbdtTheftDetector } from './theft-detectors.js';

/** Supervised scores of every row, each from a model that never saw the row's customer. */
export interface CrossFitted {
  /** The features the models were trained on. */
  readonly table: FeatureTable;
  readonly scores: Float64Array;
  /** Fold of each labelled row (-1 for unlabelled rows, scored by the model trained on all labels). */
  readonly foldOf: Int32Array;
  /** Why a row got its score: path contributions of the model that scored it. */
  explain(row: number): Contributions;
}

export interface CrossFitSettings {
  readonly folds: number;
  readonly seed: number;
  readonly gbdt?: Record<string, unknown>;
}

/**
 * Cross-fitting by customer: labelled customers are dealt into `folds` folds (customers with a
 * confirmed theft first, balancing thieves, then the clear ones, balancing rows); each fold is scored by a model trained on the
 * other folds, and unlabelled rows by a model trained on every label. A customer's meters share a fold.
 */
export function crossFit(table: FeatureTable, labels: ReadonlyMap<number, 0 | 1>, groupOf: (row: number) => string, s: CrossFitSettings): CrossFitted {
  const foldOf = assignFolds(table.nRows, labels, groupOf, s.folds, s.seed);
  const data = table.toDataset();
  const labelled = [...labels.keys()];
  const models = Array.from({ length: s.folds }, (_, k) => train(table, labels, labelled.filter((r) => foldOf[r] !== k), s));
  const full = train(table, labels, labelled, s);
  const modelOf = (row: number) => (foldOf[row] >= 0 ? models[foldOf[row]] : full);
  const scores = new Float64Array(table.nRows);
  const byModel = groupBy(Array.from({ length: table.nRows }, (_, r) => r), modelOf);
  for (const [model, rows] of byModel) {
    const predicted = model.predict(table.toDataset(rows));
    rows.forEach((r, i) => (scores[r] = predicted[i]));
  }
  return { table, scores, foldOf, explain: (row) => modelOf(row).contributions(data, row) };
}

function train(table: FeatureTable, labels: ReadonlyMap<number, 0 | 1>, rows: readonly number[], s: CrossFitSettings): GbdtTheftDetector {
  // Few labels (the first inspections): shrink the leaf minimum so a fold can still split.
  const minDataInLeaf = Math.max(1, Math.min(Number(gbdtDefaults.minDataInLeaf), Math.floor(rows.length / 4)));
  return new GbdtTheftDetector({ seed: s.seed, minDataInLeaf, ...s.gbdt }).fit(table.toDataset(rows, rows.map((r) => labels.get(r) ?? 0)));
}

function assignFolds(nRows: number, labels: ReadonlyMap<number, 0 | 1>, groupOf: (row: number) => string, folds: number, seed: number): Int32Array {
  const foldOf = new Int32Array(nRows).fill(-1);
  const groups = [...groupBy(labels.keys(), groupOf)].sort(([a], [b]) => a.localeCompare(b));
  const rng = new Mulberry32(seed);
  const positivesOf = (rows: readonly number[]) => rows.filter((r) => labels.get(r) === 1).length;
  const load = Array.from({ length: folds }, () => ({ positives: 0, rows: 0 }));
  // Thieves first, each customer to the fold with the fewest thieves (then rows) so far; then the rest by rows.
  for (const [, rows] of shuffle(groups, rng).sort(([, a], [, b]) => positivesOf(b) - positivesOf(a))) {
    const positives = positivesOf(rows);
    const k = load.reduce((best, f, i) => (positives > 0 ? lighter(f, load[best], 'positives') : lighter(f, load[best], 'rows')) ? i : best, 0);
    for (const r of rows) foldOf[r] = k;
    load[k].positives += positives;
    load[k].rows += rows.length;
  }
  return foldOf;
}

function lighter(a: { positives: number; rows: number }, b: { positives: number; rows: number }, by: 'positives' | 'rows'): boolean {
  return by === 'positives' ? a.positives < b.positives || (a.positives === b.positives && a.rows < b.rows) : a.rows < b.rows;
}

function shuffle<T>(items: T[], rng: Mulberry32): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
