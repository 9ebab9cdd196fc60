import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { CreditDataset, type CreditFeature } from './credit-dataset.js';

const features: CreditFeature[] = [
  { name: 'amount', kind: 'numeric' },
  { name: 'region', kind: 'categorical' },
];

describe('CreditDataset', () => {
  it('builds from rows with missing values and reads cells, rows and subsets', () => {
    const data = CreditDataset.fromRows(
      [
        { amount: 10, region: 'north' },
        { amount: null, region: 'south' },
        { amount: 30, region: undefined },
      ],
      features,
      [0, 1, 0],
    );
    expect(data.nRows).toBe(3);
    expect(Number.isNaN(data.numeric('amount')[1])).toBe(true);
    expect(data.categorical('region')).toEqual(['north', 'south', null]);
    expect(data.row(0)).toEqual({ amount: 10, region: 'north' });
    const sub = data.subset([2, 0]);
    expect(sub.categorical('region')).toEqual([null, 'north']);
    expect([...sub.target!]).toEqual([0, 0]);
  });

  it('rejects bad input', () => {
    const columns = { amount: [1, 2], region: ['a', 'b'] };
    expect(() => new CreditDataset({ features, columns: { amount: [1, 2] } })).toThrow(/missing column region/);
    expect(() => new CreditDataset({ features, columns: { amount: [1], region: ['a', 'b'] } })).toThrow(ValidationError);
    expect(() => new CreditDataset({ features, columns: { amount: [1, Infinity], region: ['a', 'b'] } })).toThrow(ValidationError);
    expect(() => new CreditDataset({ features, columns: { ...columns, region: ['a', 3] as unknown as string[] } })).toThrow(ValidationError);
    expect(() => new CreditDataset({ features, columns, target: [0, 2] })).toThrow(/0 \(good\) or 1 \(bad\)/);
    expect(() => new CreditDataset({ features: [features[0], features[0]], columns })).toThrow(/duplicate/);
    expect(() => CreditDataset.fromRows([{ amount: 'ten', region: 'a' }], features)).toThrow(/numeric/);
  });

  it('requires a target with both classes for fitting', () => {
    const data = new CreditDataset({ features, columns: { amount: [1, 2], region: ['a', 'b'] }, target: [1, 1] });
    expect(() => data.requireTarget('test')).toThrow(/both classes/);
    expect(() => new CreditDataset({ features, columns: { amount: [1], region: ['a'] } }).requireTarget('test')).toThrow(/target/);
  });
});
