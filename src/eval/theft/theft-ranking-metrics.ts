import { precisionAtK, rocAuc } from '../metrics/index.js';
import { mapAtN } from './map-at-n.js';

/** One scored customer beside its ground truth. */
export interface ScoredCase {
  readonly score: number;
  /** Attack family, or null for an honest customer. */
  readonly family: string | null;
  /** Energy really taken (truth), kWh. */
  readonly stolenKwh: number;
  /** Recoverable energy the detector estimated, kWh. */
  readonly estimatedKwh: number;
}

export interface FamilyMetrics {
  readonly family: string;
  readonly thieves: number;
  /** AUC of this family's thieves against every honest customer. */
  readonly auc: number | null;
  /** Precision in the top k = min(1% of the family's cases, its thieves) of the same ranking. */
  readonly precisionTop: number | null;
  readonly k: number;
}

export interface RankingMetrics {
  readonly cases: number;
  readonly thieves: number;
  readonly auc: number;
  readonly precisionTop1pct: number;
  readonly precisionTop5pct: number;
  readonly map100: number;
  readonly map200: number;
  /** Truth stolen kWh of the thieves found, per inspection, inspecting the top 1% / 5%. */
  readonly recoveredKwhPerInspectionTop1pct: number;
  readonly recoveredKwhPerInspectionTop5pct: number;
  /** The same when the list is ordered by score × estimated recoverable energy. */
  readonly recoveredKwhPerInspectionTop1pctByValue: number;
  readonly recoveredKwhPerInspectionTop5pctByValue: number;
  /** Σ estimated recoverable kWh over Σ truth stolen kWh, over the thieves. */
  readonly estimateToTruth: number;
  readonly families: readonly FamilyMetrics[];
}

/** Share of the cases inspected at the top of the list. */
export function topK(n: number, share: number): number {
  return Math.max(1, Math.round(n * share));
}

/** AUC, precision at the top 1% and 5%, MAP@100/200 and recovered energy, overall and by family. */
export function rankingMetrics(cases: readonly ScoredCase[], families: readonly string[]): RankingMetrics {
  const labels = cases.map((c) => (c.family ? 1 : 0));
  const scores = cases.map((c) => c.score);
  const n = cases.length;
  return {
    cases: n,
    thieves: labels.reduce<number>((s, y) => s + y, 0),
    auc: rocAuc(labels, scores),
    precisionTop1pct: precisionAtK(labels, scores, topK(n, 0.01)),
    precisionTop5pct: precisionAtK(labels, scores, topK(n, 0.05)),
    map100: mapAtN(labels, scores, Math.min(100, n)),
    map200: mapAtN(labels, scores, Math.min(200, n)),
    recoveredKwhPerInspectionTop1pct: recoveredPerInspection(cases, topK(n, 0.01), (c) => c.score),
    recoveredKwhPerInspectionTop5pct: recoveredPerInspection(cases, topK(n, 0.05), (c) => c.score),
    recoveredKwhPerInspectionTop1pctByValue: recoveredPerInspection(cases, topK(n, 0.01), byValue),
    recoveredKwhPerInspectionTop5pctByValue: recoveredPerInspection(cases, topK(n, 0.05), byValue),
    estimateToTruth: estimateToTruth(cases),
    families: families.map((f) => familyMetrics(cases, f)),
  };
}

function familyMetrics(cases: readonly ScoredCase[], family: string): FamilyMetrics {
  const subset = cases.filter((c) => c.family === null || c.family === family);
  const labels = subset.map((c) => (c.family ? 1 : 0));
  const thieves = labels.reduce<number>((s, y) => s + y, 0);
  const k = Math.max(1, Math.min(topK(subset.length, 0.01), thieves));
  if (thieves === 0 || thieves === subset.length) return { family, thieves, auc: null, precisionTop: null, k };
  const scores = subset.map((c) => c.score);
  return { family, thieves, auc: rocAuc(labels, scores), precisionTop: precisionAtK(labels, scores, k), k };
}

const byValue = (c: ScoredCase) => c.score * c.estimatedKwh;

function estimateToTruth(cases: readonly ScoredCase[]): number {
  const thieves = cases.filter((c) => c.family);
  const truth = thieves.reduce((s, c) => s + Math.max(0, c.stolenKwh), 0);
  return truth > 0 ? thieves.reduce((s, c) => s + c.estimatedKwh, 0) / truth : 0;
}

function recoveredPerInspection(cases: readonly ScoredCase[], k: number, key: (c: ScoredCase) => number): number {
  const order = cases.map((_, i) => i).sort((a, b) => key(cases[b]) - key(cases[a]) || a - b);
  let kwh = 0;
  for (const i of order.slice(0, k)) kwh += cases[i].family ? Math.max(0, cases[i].stolenKwh) : 0;
  return kwh / k;
}
