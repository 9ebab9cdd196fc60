import type { AreaBalance, AreaLossVerdict } from './line-loss.js';
import type { PeerGroups } from './peer-groups.js';
import { clamp, finiteOr, median, pearson, ranksInto, ranksOf, spearman } from './series-stats.js';
import type { UsagePanel } from './usage-panel.js';

/** How one customer's usage moved against its area's loss. */
export interface GroupSuspect {
  readonly meter: number;
  /** Spearman correlation of the customer's share of area usage with the area's loss rate (theft: negative). */
  readonly correlation: number;
  /** Fall of the customer's usage across the area's loss step, as a share of its usage before. */
  readonly dropShare: number;
  /** How much of the area's loss step the customer's fall explains, 0..1. */
  readonly stepMatch: number;
  /** Ranking score, 0..1: the mean of −correlation (floored at 0) and the step match. */
  readonly score: number;
}

/**
 * Group identification (群体识别): ranks an area's customers by how their usage moves against the
 * area's daily loss — negative correlation between their share of the area's metered usage and the
 * loss rate, and the drop of their usage around the loss step change, measured against the step.
 */
export function identifyGroup(
  panel: UsagePanel, peers: PeerGroups, balance: AreaBalance, verdict: AreaLossVerdict, windowDays: number,
): GroupSuspect[] {
  const step = verdict.shift ? stepOf(balance.loss, verdict.shift.index, windowDays) : null;
  const rateRanks = ranksOf(balance.rate);
  const suspects = balance.meters.map((meter) => suspectOf(panel, peers, balance, rateRanks, meter, step, windowDays));
  return suspects.sort((a, b) => b.score - a.score || a.meter - b.meter);
}

/** Day buffers reused for every customer: its share of the area's usage, and that share's ranks. */
let shareBuffer = new Float64Array(0);
let shareRanks = new Float64Array(0);

/**
 * Spearman correlation of `share` with the loss rate over the days where both are present. When
 * the share is present on every day the rate is (the usual case), the rate's ranks are those of the
 * whole area, ranked once per area instead of once per customer.
 */
function shareRateCorrelation(share: Float64Array, rate: Float64Array, rateRanks: Float64Array): number {
  const n = Math.min(share.length, rate.length);
  for (let d = 0; d < n; d++) if (Number.isFinite(rate[d]) && !Number.isFinite(share[d])) return spearman(share, rate);
  // Pearson skips the days without a rate rank, in the same order as over the compacted series.
  const shareOnRateDays = share.subarray(0, n);
  for (let d = 0; d < n; d++) if (!Number.isFinite(rate[d])) shareOnRateDays[d] = Number.NaN;
  if (shareRanks.length < n) shareRanks = new Float64Array(n);
  return pearson(ranksInto(shareOnRateDays, shareRanks.subarray(0, n)), rateRanks.subarray(0, n));
}

/** The customer's share of the area's metered usage per day (a reused buffer, valid until the next call). */
function shareOfArea(kwh: Float32Array, imported: Float64Array): Float64Array {
  if (shareBuffer.length < kwh.length) shareBuffer = new Float64Array(kwh.length);
  const share = shareBuffer.subarray(0, kwh.length);
  for (let d = 0; d < kwh.length; d++) share[d] = imported[d] > 0 ? kwh[d] / imported[d] : Number.NaN;
  return share;
}

interface LossStep {
  readonly index: number;
  readonly kwh: number;
}

function stepOf(loss: Float64Array, index: number, windowDays: number): LossStep {
  return { index, kwh: median(loss, index, index + windowDays) - median(loss, index - windowDays, index) };
}

function suspectOf(
  panel: UsagePanel, peers: PeerGroups, balance: AreaBalance, rateRanks: Float64Array, meter: number, step: LossStep | null, windowDays: number,
): GroupSuspect {
  const kwh = panel.series(meter, 'kwh');
  const share = shareOfArea(kwh, balance.imported);
  const correlation = balance.meters.length > 1 ? finiteOr(shareRateCorrelation(share, balance.rate, rateRanks), 0) : 0;
  const fall = step ? fallAcross(peers, meter, kwh, step.index, windowDays) : { share: 0, kwh: 0 };
  const stepMatch = step && step.kwh > 0 ? clamp(finiteOr(fall.kwh / step.kwh, 0), 0, 1) : 0;
  return { meter, correlation, dropShare: fall.share, stepMatch, score: (Math.max(0, -correlation) + stepMatch) / 2 };
}

/**
 * How far a customer's usage fell across day `at`, measured against its peers (so that the season
 * is not taken for a fall): the share of its relative usage lost, and the daily kWh shortfall after
 * `at` below its relative level before, carried by the peer index.
 */
function fallAcross(peers: PeerGroups, meter: number, kwh: Float32Array, at: number, windowDays: number): { share: number; kwh: number } {
  const relative = peers.relative(meter);
  const before = median(relative, at - windowDays, at);
  const after = median(relative, at, at + windowDays);
  if (!(before > 0)) return { share: 0, kwh: 0 };
  const index = peers.index(meter);
  const shortfall = Array.from({ length: windowDays }, (_, i) => before * peers.baseline[meter] * index[at + i] - kwh[at + i]);
  return { share: clamp(finiteOr(1 - after / before, 0), -1, 1), kwh: finiteOr(median(shortfall), 0) };
}
