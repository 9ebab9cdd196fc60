/** Deterministic synthetic applicants for the credit tests. */
import { Mulberry32 } from '../ml/random.js';
import { CreditDataset, type CreditFeature } from './credit-dataset.js';

export const SYNTHETIC_FEATURES: readonly CreditFeature[] = [
  { name: 'days_late', kind: 'numeric', label: { 'zh-CN': '平均逾期天数', en: 'average days late' } },
  { name: 'tenure', kind: 'numeric', label: { 'zh-CN': '用电年限', en: 'tenure in years' } },
  { name: 'industry', kind: 'categorical', label: { 'zh-CN': '行业', en: 'industry' } },
  { name: 'noise', kind: 'numeric' },
];

const INDUSTRY_RISK: Record<string, number> = { residential: -0.8, retail: 0, catering: 0.8, mining: 1.5, rare1: 0.5, rare2: 0.5 };

/**
 * Bad (1) with log-odds rising in days late (missing for 10%, riskier), falling with tenure,
 * by industry (two rare industries), and unrelated to `noise`.
 */
export function syntheticCredit(n: number, seed: number): CreditDataset {
  const rng = new Mulberry32(seed);
  const rows = Array.from({ length: n }, () => {
    const daysLate = rng.next() < 0.1 ? NaN : Math.round(60 * rng.next() ** 2);
    const tenure = Math.round(20 * rng.next());
    const u = rng.next();
    const industry = u < 0.01 ? 'rare1' : u < 0.02 ? 'rare2' : ['residential', 'retail', 'catering', 'mining'][Math.floor(((u - 0.02) / 0.98) * 4)];
    const noise = rng.next();
    const logit = -1.5 + (Number.isNaN(daysLate) ? 2 : daysLate / 20) - tenure / 10 + INDUSTRY_RISK[industry];
    const bad = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    return { row: { days_late: daysLate, tenure, industry, noise }, bad };
  });
  return CreditDataset.fromRows(
    rows.map((r) => r.row),
    SYNTHETIC_FEATURES,
    rows.map((r) => r.bad),
  );
}
