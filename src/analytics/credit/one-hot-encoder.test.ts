import { describe, expect, it } from 'vitest';
import { CreditDataset, type CreditFeature } from './credit-dataset.js';
import { encodeOneHot, fitOneHot } from './one-hot-encoder.js';

const features: CreditFeature[] = [
  { name: 'amount', kind: 'numeric' },
  { name: 'region', kind: 'categorical' },
];
const train = CreditDataset.fromRows(
  [
    { amount: 1, region: 'south' },
    { amount: 3, region: 'north' },
    { amount: NaN, region: 'south' },
  ],
  features,
  [0, 1, 0],
);

describe('one-hot encoding', () => {
  it('z-scores numbers with the population sd and adds one sorted indicator per level', () => {
    const columns = fitOneHot(train, true);
    expect(columns).toEqual([
      { kind: 'numeric', feature: 'amount', fill: 2, shift: 2, scale: 1 },
      { kind: 'level', feature: 'region', level: 'north' },
      { kind: 'level', feature: 'region', level: 'south' },
    ]);
    const encoded = encodeOneHot(columns, train);
    expect(encoded.featureNames).toEqual(['amount', 'region=north', 'region=south']);
    expect([...encoded.values]).toEqual([-1, 0, 1, 1, 1, 0, 0, 0, 1]);
    expect([...encoded.target!]).toEqual([0, 1, 0]);
  });

  it('keeps raw numbers unless standardising, fills missing ones with the mean, and encodes unseen and missing levels as zeros', () => {
    const columns = fitOneHot(train, false);
    const other = CreditDataset.fromRows([{ amount: 5, region: 'east' }, { amount: null, region: null }], features);
    expect([...encodeOneHot(columns, other).values]).toEqual([5, 0, 0, 2, 0, 0]);
  });
});
