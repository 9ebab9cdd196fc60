import { describe, expect, it } from 'vitest';
import { CreditDataset, type CreditModel } from '../../analytics/credit/index.js';
import { materialise, runContender, summarise } from './model-comparison.js';
import { stratifiedFolds } from './stratified-split.js';

/** Predicts the feature itself: a perfect ranker on this data. */
class Echo implements CreditModel {
  readonly kind = 'echo';
  fitted = 0;
  fit(): this {
    this.fitted++;
    return this;
  }
  predict(data: CreditDataset): Float64Array {
    return Float64Array.from(data.numeric('x'));
  }
  toJSON() {
    return { kind: 'echo', version: 1 };
  }
}

describe('model comparison', () => {
  const target = Array.from({ length: 40 }, (_, i) => (i < 12 ? 1 : 0));
  const data = new CreditDataset({ features: [{ name: 'x', kind: 'numeric' }], columns: { x: target.map((y, i) => y + i / 100) }, target });

  it('fits a fresh model per split and reports mean, pooled AUC and KS', () => {
    const parts = materialise(data, stratifiedFolds(data.target!, 4, 1));
    const run = runContender({ name: 'echo', description: 'test', make: () => new Echo() }, parts);
    expect(run.models).toHaveLength(4);
    const summary = summarise(run, parts);
    expect(summary).toMatchObject({ name: 'echo', meanAuc: 1, sdAuc: 0, pooledAuc: 1, ks: 1 });
    expect(summary.splitAucs).toEqual([1, 1, 1, 1]);
  });
});
