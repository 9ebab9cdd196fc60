import type { Dataset } from '../ml/index.js';
import type { AreaLossAnalysis } from './area-loss-analysis.js';
import { isoDay } from './area-loss-analysis.js';
import type { CrossFitted } from './cross-fitting.js';
import {
  combinedScore, summaryOf, type FeatureContribution, type InspectionEntry, type LoadCurveWindow, type LossEvidence, type ScoreParts,
} from './inspection-entry.js';
import type { PeerGroups } from './peer-groups.js';
import { expectedDaily, priceOf, recoverableKwh } from './recoverable-energy.js';
import type { RuleHit } from './rule-engine.js';
import { ranksOf } from './series-stats.js';
import type { MeterFeatures } from './theft-features.js';
import type { UsagePanel } from './usage-panel.js';

/** Everything the list is made from; one value per meter of the panel. */
export interface RankingInputs {
  readonly panel: UsagePanel;
  readonly peers: PeerGroups;
  readonly features: MeterFeatures;
  readonly loss: AreaLossAnalysis;
  readonly hits: readonly (readonly RuleHit[])[];
  readonly ruleScores: Float64Array;
  readonly unsupervised: Float64Array;
  readonly supervised: CrossFitted | null;
  /** One-sided robust z of every feature (explains unsupervised scores). */
  readonly suspicion: Dataset;
}

export interface ListSettings {
  readonly top?: number;
  /** Entries scoring below this are left out (their evidence is never built). */
  readonly minScore?: number;
  /** Order by the score alone, or by score × recoverable CNY (money expected per inspection). */
  readonly rankBy: 'score' | 'expected-value';
  readonly windowDays: number;
  readonly cnyPerKwh: number;
  readonly tariffPrices: Readonly<Record<string, number>>;
}

const TOP_FEATURES = 5;

/**
 * Orders every meter by its combined score (or expected value) and writes the evidence of the first
 * `top` that score at least `minScore`.
 */
export function buildInspectionList(inputs: RankingInputs, s: ListSettings): InspectionEntry[] {
  const parts = scoreParts(inputs);
  const scores = parts.map(combinedScore);
  const money = s.rankBy === 'expected-value' ? Array.from(scores.keys(), (m) => recoverable(inputs, s, m)) : null;
  const key = money ? scores.map((v, m) => v * money[m].cny) : scores;
  const order = Array.from(scores.keys()).sort((a, b) => key[b] - key[a] || scores[b] - scores[a] || a - b);
  const listed = order.slice(0, s.top ?? order.length).map((m, i) => ({ m, rank: i + 1 }));
  return listed
    .filter(({ m }) => s.minScore === undefined || scores[m] >= s.minScore)
    .map(({ m, rank }) => entryOf(inputs, m, rank, scores[m], parts[m], money?.[m] ?? recoverable(inputs, s, m), s.windowDays));
}

function recoverable(inputs: RankingInputs, s: ListSettings, m: number): { kwh: number; cny: number } {
  const kwh = recoverableKwh(inputs.panel, inputs.peers, m, inputs.features.shifts[m]);
  return { kwh, cny: kwh * priceOf(inputs.panel.meters[m].tariffId, s.tariffPrices, s.cnyPerKwh) };
}

function scoreParts(inputs: RankingInputs): ScoreParts[] {
  const n = inputs.panel.nMeters;
  const scaled = (v: Float64Array) => Float64Array.from(ranksOf(v), (r) => (n > 1 ? (r - 1) / (n - 1) : 1));
  const unsupervised = scaled(inputs.unsupervised);
  return Array.from({ length: n }, (_, m) => ({
    supervised: inputs.supervised ? inputs.supervised.scores[m] : null,
    unsupervised: unsupervised[m],
    rules: inputs.ruleScores[m],
  }));
}

function entryOf(
  inputs: RankingInputs, m: number, rank: number, score: number, parts: ScoreParts, money: { kwh: number; cny: number }, windowDays: number,
): InspectionEntry {
  const meter = inputs.panel.meters[m];
  return {
    rank, customerId: meter.customerId, meterId: meter.meterId, areaId: meter.areaId, customerType: meter.customerType, score, scores: parts,
    ruleHits: inputs.hits[m], topFeatures: topFeatures(inputs, m), loadCurve: loadCurve(inputs, m, windowDays), loss: lossEvidence(inputs, m),
    recoverableKwh: round(money.kwh, 1), recoverableCny: round(money.cny, 2), summary: summaryOf(score, inputs.hits[m], money.kwh, money.cny),
  };
}

function topFeatures(inputs: RankingInputs, m: number): FeatureContribution[] {
  const table = inputs.supervised?.table ?? inputs.features.table;
  const values = inputs.supervised
    ? Array.from(inputs.supervised.explain(m).values)
    : table.names.map((_, f) => inputs.suspicion.value(m, f));
  return table.names
    .map((feature, f) => ({ feature, value: round(table.get(m, feature), 4), contribution: round(values[f], 4) }))
    .filter((c) => c.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, TOP_FEATURES);
}

function loadCurve(inputs: RankingInputs, m: number, windowDays: number): LoadCurveWindow {
  const { panel, peers, features } = inputs;
  const shift = features.shifts[m];
  const { start: first, end } = panel.span(m);
  const centre = shift ? shift.index : end;
  const start = Math.max(first, Math.min(centre - Math.floor(windowDays / 2), end - windowDays));
  const stop = Math.min(end, start + windowDays);
  const days = Math.max(0, stop - start);
  const kwh = panel.series(m, 'kwh').subarray(start, start + days);
  const expected = expectedDaily(peers, m, shift, start, start + days);
  return {
    start: isoDay(panel.shape.firstDay + start),
    changeDate: shift ? isoDay(panel.shape.firstDay + shift.index) : null,
    kwh: Array.from(kwh, nullable),
    expectedKwh: Array.from(expected, nullable),
  };
}

function lossEvidence(inputs: RankingInputs, m: number): LossEvidence | null {
  const link = inputs.loss.byMeter.get(m);
  if (!link) return null;
  return {
    areaId: link.areaId, areaFlagged: link.areaFlagged, areaRise: round(link.areaRise, 4), correlation: round(link.suspect.correlation, 3),
    dropShare: round(link.suspect.dropShare, 3), stepMatch: round(link.suspect.stepMatch, 3), rankInArea: link.rank,
  };
}

function nullable(v: number): number | null {
  return Number.isFinite(v) ? round(v, 3) : null;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
