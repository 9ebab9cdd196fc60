import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../ml/index.js';
import { crossFit } from './cross-fitting.js';
import { FeatureTable } from './feature-table.js';
import { GbdtTheftDetector } from './theft-detectors.js';

/** AUC by pairwise comparison (fine for a few hundred rows). */
function auc(y: readonly number[], s: ArrayLike<number>): number {
  let wins = 0, pairs = 0;
  for (let i = 0; i < y.length; i++) for (let j = 0; j < y.length; j++) {
    if (y[i] !== 1 || y[j] !== 0) continue;
    pairs++;
    wins += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
  }
  return wins / pairs;
}

describe('crossFit', () => {
  // Labels are coin flips: a model that saw a row's label scores it well; one that did not cannot.
  const rng = new Mulberry32(5);
  const table = new FeatureTable(['x1', 'x2', 'x3'], 300);
  for (let r = 0; r < 300; r++) for (const f of table.names) table.set(r, f, rng.normal());
  const y = Array.from({ length: 300 }, () => (rng.next() < 0.3 ? 1 : 0));
  const labels = new Map(y.map((v, r) => [r, v as 0 | 1]));
  const customerOf = (r: number) => `C${Math.floor(r / 2)}`;

  it('scores every labelled customer with a model that never saw it', () => {
    const inSample = new GbdtTheftDetector({ minDataInLeaf: 2 }).fit(table.toDataset(undefined, y)).predict(table.toDataset());
    const fitted = crossFit(table, labels, customerOf, { folds: 5, seed: 1, gbdt: { minDataInLeaf: 2 } });
    expect(auc(y, inSample)).toBeGreaterThan(0.85);
    expect(auc(y, fitted.scores)).toBeLessThan(0.65);
  });

  it('keeps a customer\'s meters in one fold and balances thieves across folds', () => {
    const { foldOf } = crossFit(table, labels, customerOf, { folds: 5, seed: 1 });
    for (let r = 0; r < 300; r += 2) expect(foldOf[r]).toBe(foldOf[r + 1]);
    const thievesPerFold = [0, 1, 2, 3, 4].map((k) => y.filter((v, r) => v === 1 && foldOf[r] === k).length);
    expect(Math.max(...thievesPerFold) - Math.min(...thievesPerFold)).toBeLessThanOrEqual(2);
  });

  it('scores unlabelled rows with the model trained on every label, and explains any row', () => {
    const partial = new Map([...labels].filter(([r]) => r < 200));
    const fitted = crossFit(table, partial, customerOf, { folds: 4, seed: 2 });
    expect(fitted.foldOf[250]).toBe(-1);
    const why = fitted.explain(250);
    expect(why.bias + why.values.reduce((s, v) => s + v, 0)).toBeCloseTo(Math.log(fitted.scores[250] / (1 - fitted.scores[250])), 6);
  });

  it('still trains when the first inspections give only a few labels per fold', () => {
    const few = new Map([...labels].filter(([r]) => r < 20));
    const fitted = crossFit(table, few, customerOf, { folds: 5, seed: 3 });
    expect(fitted.scores.every((v) => v > 0 && v < 1)).toBe(true);
  });
});
