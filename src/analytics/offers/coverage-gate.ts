import type { LoadCoverage } from './customer-load.js';

/**
 * Coverage gate before a customer-facing rate comparison (DOMAIN.md section 1, Opower practice):
 * 270 days of interval data with at least 75% of reads, plus a cap on the estimated share.
 */

export interface CoverageGateParams {
  readonly minGoodDays: number;
  readonly minReadShare: number;
  readonly maxEstimatedShare: number;
}

export const defaultCoverageGate: CoverageGateParams = { minGoodDays: 270, minReadShare: 0.75, maxEstimatedShare: 0.2 };

export type GateReason = 'too_few_days' | 'too_few_reads' | 'too_many_estimates';

export interface GateResult {
  readonly passed: boolean;
  readonly reasons: GateReason[];
  readonly text: { readonly zh: string; readonly en: string };
}

export function checkCoverage(c: LoadCoverage, p: CoverageGateParams = defaultCoverageGate): GateResult {
  const reasons: GateReason[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  if (c.goodDays < p.minGoodDays) {
    reasons.push('too_few_days');
    zh.push(`有效数据仅 ${c.goodDays} 天（需 ${p.minGoodDays} 天）`);
    en.push(`${c.goodDays} days with data (${p.minGoodDays} needed)`);
  }
  if (c.readShare < p.minReadShare) {
    reasons.push('too_few_reads');
    zh.push(`读数完整率 ${(c.readShare * 100).toFixed(1)}%（需 ${p.minReadShare * 100}%）`);
    en.push(`${(c.readShare * 100).toFixed(1)}% of reads (${p.minReadShare * 100}% needed)`);
  }
  if (c.estimatedShare > p.maxEstimatedShare) {
    reasons.push('too_many_estimates');
    zh.push(`估算读数占 ${(c.estimatedShare * 100).toFixed(1)}%（上限 ${p.maxEstimatedShare * 100}%）`);
    en.push(`${(c.estimatedShare * 100).toFixed(1)}% of reads estimated (at most ${p.maxEstimatedShare * 100}%)`);
  }
  return { passed: reasons.length === 0, reasons, text: { zh: zh.join('；'), en: en.join('; ') } };
}
