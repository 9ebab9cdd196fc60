import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { BinningParams } from './binning-params.js';
import { CreditDataset } from './credit-dataset.js';
import { syntheticCredit } from './credit.testkit.js';
import { binCount, binIndex, fitFeatureBinning, woeColumn } from './feature-binning.js';

const params = BinningParams.parse({});
const data = syntheticCredit(4000, 5);

describe('fitFeatureBinning', () => {
  it('gives missing values a bin of their own, last, with their own WoE', () => {
    const binning = fitFeatureBinning(data, 'days_late', params);
    const missing = binning.bins[binning.bins.length - 1];
    expect(binning.labels[binning.labels.length - 1]).toBe('missing');
    expect(missing.share).toBeGreaterThan(0.07);
    expect(missing.woe).toBeLessThan(0); // missing days-late rows are riskier than average
    expect(binning.strength).toBe('strong');
    expect(binning.bins.reduce((n, b) => n + b.count, 0)).toBe(4000);
  });

  it('gives the missing bin WoE 0 when training had no missing values', () => {
    const binning = fitFeatureBinning(data, 'tenure', params);
    expect(binning.bins[binning.bins.length - 1]).toMatchObject({ count: 0, woe: 0 });
    expect(binIndex(binning.rule, null)).toBe(binCount(binning.rule) - 1);
  });

  it('finds a useless feature useless', () => {
    expect(fitFeatureBinning(data, 'noise', params).iv).toBeLessThan(0.02);
  });

  it('maps categorical levels, unseen levels and missing values to bins', () => {
    const binning = fitFeatureBinning(data, 'industry', params);
    const rule = binning.rule;
    expect(rule.kind).toBe('categorical');
    if (rule.kind !== 'categorical') return;
    expect(rule.groups.flat().sort()).toEqual(['catering', 'mining', 'rare1', 'rare2', 'residential', 'retail']);
    expect(binIndex(rule, 'never-seen')).toBe(rule.rareGroup);
    expect(binIndex(rule, 'rare1')).toBe(rule.rareGroup);
    expect(binIndex(rule, undefined)).toBe(rule.groups.length);
  });

  it('computes one WoE per row and rejects category strings for numeric features', () => {
    const binning = fitFeatureBinning(data, 'days_late', params);
    const woe = woeColumn(data, binning);
    expect(woe).toHaveLength(4000);
    expect(woe[0]).toBe(binning.bins[binIndex(binning.rule, data.value('days_late', 0))].woe);
    expect(() => binIndex(binning.rule, 'ten', 'days_late')).toThrow(ValidationError);
  });

  it('needs both classes', () => {
    const one = CreditDataset.fromRows([{ x: 1 }, { x: 2 }], [{ name: 'x', kind: 'numeric' }], [0, 0]);
    expect(() => fitFeatureBinning(one, 'x', params)).toThrow(/both classes/);
  });
});
