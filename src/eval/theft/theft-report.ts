import type { RankingMetrics } from './theft-ranking-metrics.js';

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Headline numbers of a ranking as a flat record (per-family AUCs as `auc_<family>`). */
export function theftMetricsRecord(m: RankingMetrics): Record<string, number> {
  const out: Record<string, number> = {
    customers: m.cases,
    thieves: m.thieves,
    auc: round(m.auc, 4),
    precisionTop1pct: round(m.precisionTop1pct, 4),
    precisionTop5pct: round(m.precisionTop5pct, 4),
    map100: round(m.map100, 4),
    map200: round(m.map200, 4),
    recoveredKwhPerInspectionTop1pct: round(m.recoveredKwhPerInspectionTop1pct, 1),
    recoveredKwhPerInspectionTop5pct: round(m.recoveredKwhPerInspectionTop5pct, 1),
    recoveredKwhPerInspectionTop1pctByValue: round(m.recoveredKwhPerInspectionTop1pctByValue, 1),
    recoveredKwhPerInspectionTop5pctByValue: round(m.recoveredKwhPerInspectionTop5pctByValue, 1),
    estimateToTruth: round(m.estimateToTruth, 3),
  };
  for (const f of m.families) if (f.auc !== null) out[`auc_${f.family}`] = round(f.auc, 4);
  return out;
}
