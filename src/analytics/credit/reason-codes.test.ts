import { describe, expect, it } from 'vitest';
import { reasonCodes, type FeatureContribution } from './reason-codes.js';

const contribution = (feature: string, points: number, bestPoints: number, binLabel = '(10, 20]'): FeatureContribution => ({
  feature,
  label: { 'zh-CN': `特征${feature}`, en: `feature ${feature}` },
  bin: 1,
  binLabel,
  woe: 0,
  points,
  bestPoints,
  bestBinLabel: '(−∞, 10]',
});

describe('reasonCodes', () => {
  const contributions = [contribution('a', 10, 30), contribution('b', -5, 40), contribution('c', 25, 25), contribution('d', 0, 20, 'missing')];

  it('lists the features that lose the most points against their best bin, largest first', () => {
    const reasons = reasonCodes(contributions, 4);
    expect(reasons.map((r) => [r.feature, r.pointsLost])).toEqual([
      ['b', 45],
      ['a', 20],
      ['d', 20],
    ]);
  });

  it('keeps only the requested number and skips features at their best bin', () => {
    expect(reasonCodes(contributions, 1).map((r) => r.code)).toEqual(['RC_B']);
    expect(reasonCodes([contribution('c', 25, 25)], 4)).toEqual([]);
  });

  it('explains in Chinese and English, translating the missing bin', () => {
    const [, , d] = reasonCodes(contributions, 4);
    expect(d.text['zh-CN']).toBe('特征d（缺失）比最优区间（(−∞, 10]）少 20 分');
    expect(d.text.en).toBe('feature d (missing) scores 20 points below its best bin ((−∞, 10])');
  });
});
