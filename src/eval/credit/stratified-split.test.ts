import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { stratifiedFolds, stratifiedHoldout } from './stratified-split.js';

const labels = Array.from({ length: 1000 }, (_, i) => (i % 10 < 3 ? 1 : 0));
const positives = (rows: Int32Array) => rows.reduce((n, r) => n + labels[r], 0);

describe('stratifiedFolds', () => {
  const folds = stratifiedFolds(labels, 10, 42);

  it('covers every row once in a test fold, 100 rows and 30 positives each', () => {
    const seen = folds.flatMap((f) => [...f.test]).sort((a, b) => a - b);
    expect(seen).toEqual(labels.map((_, i) => i));
    for (const f of folds) {
      expect(f.test).toHaveLength(100);
      expect(positives(f.test)).toBe(30);
      expect(f.train.length + f.test.length).toBe(1000);
    }
  });

  it('is reproducible by seed and differs between seeds', () => {
    expect(stratifiedFolds(labels, 10, 42)[0].test).toEqual(folds[0].test);
    expect(stratifiedFolds(labels, 10, 7)[0].test).not.toEqual(folds[0].test);
  });

  it('rejects a fold count out of range', () => {
    expect(() => stratifiedFolds(labels, 1, 0)).toThrow(ValidationError);
  });
});

describe('stratifiedHoldout', () => {
  it('holds out the share of each class', () => {
    const { train, test } = stratifiedHoldout(labels, 0.3, 42);
    expect(test).toHaveLength(300);
    expect(positives(test)).toBe(90);
    expect(new Set([...train, ...test]).size).toBe(1000);
    expect(() => stratifiedHoldout(labels, 1, 0)).toThrow(ValidationError);
  });
});
