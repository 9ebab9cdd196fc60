import { Mulberry32 } from '../../analytics/ml/index.js';
import { ValidationError } from '../../core/errors.js';

/** Row positions of a training and a test part. */
export interface Split {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/**
 * Stratified k-fold assignment: the rows of each class are shuffled with a seeded Mulberry32 and
 * dealt to the folds in turn (the next class continues where the previous stopped), so every fold
 * holds the class ratio and fold sizes differ by at most one.
 */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Split[] {
  if (!Number.isInteger(k) || k < 2 || k > labels.length) throw new ValidationError(`k-fold needs 2 <= k <= ${labels.length}, got ${k}`, { k });
  const rng = new Mulberry32(seed);
  const fold = new Int32Array(labels.length);
  let next = 0;
  for (const rows of byClass(labels)) {
    for (const r of shuffled(rows, rng)) fold[r] = next++ % k;
  }
  return Array.from({ length: k }, (_, f) => ({ train: rowsWhere(fold, (x) => x !== f), test: rowsWhere(fold, (x) => x === f) }));
}

/** Stratified hold-out: `testShare` of each class (rounded), drawn with a seeded shuffle. */
export function stratifiedHoldout(labels: ArrayLike<number>, testShare: number, seed: number): Split {
  if (!(testShare > 0 && testShare < 1)) throw new ValidationError(`test share must be in (0, 1), got ${testShare}`, { testShare });
  const rng = new Mulberry32(seed);
  const inTest = new Int32Array(labels.length);
  for (const rows of byClass(labels)) {
    const order = shuffled(rows, rng);
    const take = Math.round(testShare * order.length);
    for (let i = 0; i < take; i++) inTest[order[i]] = 1;
  }
  return { train: rowsWhere(inTest, (x) => x === 0), test: rowsWhere(inTest, (x) => x === 1) };
}

/** Row positions per distinct label, labels in ascending order. */
function byClass(labels: ArrayLike<number>): number[][] {
  const classes = new Map<number, number[]>();
  for (let r = 0; r < labels.length; r++) {
    const rows = classes.get(labels[r]) ?? [];
    rows.push(r);
    classes.set(labels[r], rows);
  }
  return [...classes.entries()].sort((a, b) => a[0] - b[0]).map(([, rows]) => rows);
}

/** Fisher–Yates shuffle of a copy. */
function shuffled(rows: readonly number[], rng: Mulberry32): number[] {
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function rowsWhere(values: Int32Array, keep: (x: number) => boolean): Int32Array {
  const out: number[] = [];
  values.forEach((x, r) => keep(x) && out.push(r));
  return Int32Array.from(out);
}
