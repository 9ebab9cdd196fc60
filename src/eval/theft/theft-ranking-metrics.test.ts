import { describe, expect, it } from 'vitest';
import { rankingMetrics, topK, type ScoredCase } from './theft-ranking-metrics.js';

const honest = (score: number): ScoredCase => ({ score, family: null, stolenKwh: 0, estimatedKwh: 0 });
const thief = (score: number, family: string, stolenKwh: number, estimatedKwh = stolenKwh): ScoredCase => ({ score, family, stolenKwh, estimatedKwh });

describe('rankingMetrics', () => {
  const cases = [thief(0.99, 'h1', 100), thief(0.5, 'h1', 300, 600), thief(0.98, 'h6', 0), ...Array.from({ length: 97 }, (_, i) => honest(0.9 - i * 0.005))];
  const m = rankingMetrics(cases, ['h1', 'h6', 'h2']);

  it('reports AUC, precision at the top, MAP and recovered energy per inspection', () => {
    expect(m).toMatchObject({ cases: 100, thieves: 3, precisionTop1pct: 1 });
    expect(m.precisionTop5pct).toBeCloseTo(2 / 5, 12);
    expect(m.recoveredKwhPerInspectionTop1pct).toBe(100);
    expect(m.recoveredKwhPerInspectionTop1pctByValue).toBe(300);
    expect(m.estimateToTruth).toBeCloseTo(700 / 400, 12);
  });

  it('judges each family against the honest customers, with no AUC for an absent family', () => {
    const [h1, h6, h2] = m.families;
    expect(h1).toMatchObject({ thieves: 2, k: 1, precisionTop: 1 });
    // 0.99 beats all 97 honest customers; 0.5 beats the 16 below it and ties one (0.9 − 80 × 0.005).
    expect(h1.auc).toBeCloseTo((97 + 16.5) / (2 * 97), 12);
    expect(h6).toMatchObject({ thieves: 1, auc: 1 });
    expect(h2).toMatchObject({ thieves: 0, auc: null, precisionTop: null });
  });

  it('inspects at least one case', () => expect(topK(30, 0.01)).toBe(1));
});
