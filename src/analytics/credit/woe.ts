import type { LocalizedText } from './credit-dataset.js';

/** Good and bad counts of one bin. */
export interface BinCounts {
  readonly goods: number;
  readonly bads: number;
}

/** One bin with its weight of evidence and its share of the information value. */
export interface BinStats extends BinCounts {
  readonly count: number;
  /** Share of all rows that fall in the bin. */
  readonly share: number;
  /** bads / count; 0 for an empty bin. */
  readonly badRate: number;
  /** ln(goods share / bads share); 0 (neutral) for an empty bin. */
  readonly woe: number;
  /** (goods share − bads share) · WoE. */
  readonly iv: number;
}

/**
 * Weight of evidence and information value of a binned feature (DOMAIN.md section 6):
 * WoE_i = ln(goods share_i / bads share_i), IV = Σ (goods share_i − bads share_i) · WoE_i.
 * Laplace smoothing adds `smoothing` goods and bads to every non-empty bin, so a bin without
 * bads gets a large but finite WoE. An empty bin (e.g. the missing bin when the training data had
 * no missing values) gets WoE 0: it scores as an average applicant.
 */
export function binStatistics(counts: readonly BinCounts[], smoothing: number): { bins: BinStats[]; iv: number } {
  const used = counts.filter((c) => c.goods + c.bads > 0).length;
  const goods = sum(counts.map((c) => c.goods)) + used * smoothing;
  const bads = sum(counts.map((c) => c.bads)) + used * smoothing;
  const rows = sum(counts.map((c) => c.goods + c.bads));
  const bins = counts.map((c): BinStats => {
    const count = c.goods + c.bads;
    if (count === 0) return { ...c, count, share: 0, badRate: 0, woe: 0, iv: 0 };
    const goodShare = (c.goods + smoothing) / goods;
    const badShare = (c.bads + smoothing) / bads;
    const woe = Math.log(goodShare / badShare);
    return { goods: c.goods, bads: c.bads, count, share: count / rows, badRate: c.bads / count, woe, iv: (goodShare - badShare) * woe };
  });
  return { bins, iv: sum(bins.map((b) => b.iv)) };
}

/** The DOMAIN.md strength of a feature by its information value. */
export type IvStrength = 'useless' | 'weak' | 'medium' | 'strong';

/** IV < 0.02 useless, 0.02–0.1 weak, 0.1–0.3 medium, > 0.3 strong. */
export function ivStrength(iv: number): IvStrength {
  if (iv < 0.02) return 'useless';
  if (iv < 0.1) return 'weak';
  if (iv <= 0.3) return 'medium';
  return 'strong';
}

export const ivStrengthLabels: Readonly<Record<IvStrength, LocalizedText>> = {
  useless: { 'zh-CN': '无预测力', en: 'useless' },
  weak: { 'zh-CN': '弱', en: 'weak' },
  medium: { 'zh-CN': '中等', en: 'medium' },
  strong: { 'zh-CN': '强', en: 'strong' },
};

/**
 * Pearson chi-square of the 2×2 table of two adjacent bins against good/bad: small values mean
 * the bins do not differ and may be merged (ChiMerge). Cells with zero expectation contribute 0.
 */
export function pairChiSquare(a: BinCounts, b: BinCounts): number {
  const total = a.goods + a.bads + b.goods + b.bads;
  if (total === 0) return 0;
  const goods = a.goods + b.goods;
  const bads = a.bads + b.bads;
  let chi = 0;
  for (const bin of [a, b]) {
    const rows = bin.goods + bin.bads;
    chi += cell(bin.goods, (rows * goods) / total) + cell(bin.bads, (rows * bads) / total);
  }
  return chi;
}

function cell(observed: number, expected: number): number {
  return expected > 0 ? (observed - expected) ** 2 / expected : 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
