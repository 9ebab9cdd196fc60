import type { RuleHit } from './rule-engine.js';
import type { LocalizedText } from './rule-schema.js';

/** The parts of an inspection score, each 0..1 (null when that detector did not run). */
export interface ScoreParts {
  /**
   * Probability of theft from the supervised detector (GBDT on inspection labels, stacked on the
   * features, the rule score and the unsupervised score), cross-fitted for labelled customers.
   */
  readonly supervised: number | null;
  /** Unsupervised detector, as a rank among all customers (0..1). */
  readonly unsupervised: number;
  /** Rule score 1 − Π(1 − weight). */
  readonly rules: number;
}

/** A feature behind a score: its value and its share of the score (log-odds for GBDT, one-sided z otherwise). */
export interface FeatureContribution {
  readonly feature: string;
  readonly value: number;
  readonly contribution: number;
}

/** Daily kWh around the change that raised suspicion, beside what the customer would have used. */
export interface LoadCurveWindow {
  readonly start: string;
  readonly changeDate: string | null;
  readonly kwh: readonly (number | null)[];
  readonly expectedKwh: readonly (number | null)[];
}

/** How the customer's usage moves against its transformer area's loss. */
export interface LossEvidence {
  readonly areaId: string;
  readonly areaFlagged: boolean;
  /** Rise of the area's loss rate over its baseline (absolute share). */
  readonly areaRise: number;
  readonly correlation: number;
  readonly dropShare: number;
  readonly stepMatch: number;
  /** Place in the area's group identification (1 = most suspect). */
  readonly rankInArea: number;
}

/** One line of the ranked inspection list, with the evidence an inspector takes to the field. */
export interface InspectionEntry {
  readonly rank: number;
  readonly customerId: string;
  readonly meterId: number;
  readonly areaId: string;
  readonly customerType: string;
  /** Combined score 0..1 that orders the list. */
  readonly score: number;
  readonly scores: ScoreParts;
  readonly ruleHits: readonly RuleHit[];
  readonly topFeatures: readonly FeatureContribution[];
  readonly loadCurve: LoadCurveWindow;
  readonly loss: LossEvidence | null;
  readonly recoverableKwh: number;
  readonly recoverableCny: number;
  readonly summary: LocalizedText;
}

/** Weights of the unsupervised rank and the rule score when no supervised detector ran. */
export const UNSUPERVISED_WEIGHTS = { unsupervised: 0.7, rules: 0.3 } as const;

/**
 * The combined score of an entry's parts: the supervised probability when labels trained one (it
 * already weighs the rules and the unsupervised score as inputs), else a weighted mean of the
 * unsupervised rank and the rule score.
 */
export function combinedScore(parts: ScoreParts): number {
  if (parts.supervised !== null) return parts.supervised;
  return UNSUPERVISED_WEIGHTS.unsupervised * parts.unsupervised + UNSUPERVISED_WEIGHTS.rules * parts.rules;
}

/** One sentence per language: score, rules hit and the money at stake. */
export function summaryOf(score: number, hits: readonly RuleHit[], kwh: number, cny: number): LocalizedText {
  const zhRules = hits.length ? hits.map((h) => h.label['zh-CN']).join('、') : '无规则命中（模型评分）';
  const enRules = hits.length ? hits.map((h) => h.label.en).join('; ') : 'no rule hit (model score)';
  return {
    'zh-CN': `综合评分 ${score.toFixed(2)}；${zhRules}；预计可追补电量 ${Math.round(kwh)} 千瓦时（${cny.toFixed(2)} 元）`,
    en: `score ${score.toFixed(2)}; ${enRules}; expected recoverable ${Math.round(kwh)} kWh (CNY ${cny.toFixed(2)})`,
  };
}
