import { isoDateOfEpochDay } from '../../core/time/index.js';
import { clockCandidates, clockMarkers, type ClockCandidate } from './clock-markers.js';
import { fisherGain, shiftCorrelation, shiftCorrelationsBothWays, typicalExpectation, type ShiftCorrelation } from './clock-profile.js';
import type { Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import { localTimeText } from './reason-format.js';
import type { VeeCheck } from './vee-check.js';
import type { VeeContext } from './vee-context.js';
import type { VeeRules } from './vee-rules.js';

/**
 * Clock shift (drift or a jump of the meter clock by ±shiftMinutes). Two kinds of evidence:
 * - paired (error, corrected by `correctClockShifts`): a hole of exactly k slots and a run of k
 *   re-stamped slots bound a block of 12 h–7 days, and the block's values do not correlate worse
 *   with the meter's typical profile when shifted back (by more than `pairedTolerance`); when the
 *   re-stamped readings all equal the ones they collide with (zeros on zeros), the block must
 *   instead gain `profileMinGain` (Fisher z) in correlation, or be flat (all values equal, so a shift can
 *   neither be seen nor do harm);
 * - profile (warning, not corrected): `profileMinDays` or more consecutive complete days whose
 *   correlation with the typical profile gains `profileMinGain` on Fisher's z scale when shifted
 *   the same way.
 */
export const clockShiftCheck: VeeCheck = (series, rules, ctx) => {
  const p = rules.clockShift;
  const k = Math.max(1, Math.round(p.shiftMinutes / series.intervalMinutes));
  const expected = typicalExpectation(series.values, ctx);
  const markers = clockMarkers(series.values, series.context.deliveries, ctx, k, rules.duplicate.identicalToleranceKwh);
  const minBlock = Math.ceil(p.minBlockMinutes / series.intervalMinutes);
  const maxBlock = Math.floor((p.maxBlockDays * 1440) / series.intervalMinutes);
  const confirmed: { c: ClockCandidate; corr: ShiftCorrelation }[] = [];
  for (const c of clockCandidates(markers, k, minBlock, maxBlock)) {
    const corr = shiftCorrelation(series.values, expected, c.shiftedStart, c.shiftedEnd, c.shiftSteps);
    const accepted = c.differing ? corr.shifted >= corr.base - p.pairedTolerance : corr.flat || fisherGain(corr.base, corr.shifted) >= p.profileMinGain;
    if (accepted) confirmed.push({ c, corr });
  }
  const flags = bestDisjoint(confirmed).map(({ c, corr }) => pairedFlag(series, c, corr));
  flags.push(...profileFlags(series, rules, ctx, expected, k, flags));
  return flags.sort((a, b) => a.startIndex - b.startIndex);
};

/** Confirmed candidates by correlation gain, best first, keeping those that overlap none kept before. */
function bestDisjoint<T extends { c: ClockCandidate; corr: ShiftCorrelation }>(confirmed: T[]): T[] {
  const kept: T[] = [];
  const gain = (x: T) => fisherGain(x.corr.base, x.corr.shifted);
  for (const x of [...confirmed].sort((a, b) => gain(b) - gain(a))) {
    if (kept.every((y) => x.c.flagEnd <= y.c.flagStart || y.c.flagEnd <= x.c.flagStart)) kept.push(x);
  }
  return kept;
}

/** The shift a clock-shift flag stands for, read back from its facts. */
export function clockShiftOf(flag: Flag): ClockCandidate | undefined {
  const f = flag.facts;
  if (flag.check !== 'clock-shift' || !f || typeof f.shiftSteps !== 'number' || typeof f.shiftedStart !== 'number' || typeof f.shiftedEnd !== 'number') return undefined;
  return { shiftSteps: f.shiftSteps, differing: f.differing === true, shiftedStart: f.shiftedStart, shiftedEnd: f.shiftedEnd, flagStart: flag.startIndex, flagEnd: flag.endIndex };
}

function pairedFlag(series: MeterSeries, c: ClockCandidate, corr: ShiftCorrelation): Flag {
  const minutes = c.shiftSteps * series.intervalMinutes;
  const signed = `${minutes > 0 ? '+' : '−'}${Math.abs(minutes)} min`;
  const signedZh = `${minutes > 0 ? '+' : '−'}${Math.abs(minutes)} 分钟`;
  const from = localTimeText(series, c.shiftedStart);
  const to = localTimeText(series, c.shiftedEnd);
  const r = `${corr.base.toFixed(2)} → ${corr.shifted.toFixed(2)}`;
  return {
    check: 'clock-shift',
    code: 'clock-shift.paired',
    startIndex: c.flagStart,
    endIndex: c.flagEnd,
    severity: 'error',
    reason: `timestamps ${signed} off from ${from} to ${to}: a ${Math.abs(minutes)}-min hole and ${Math.abs(minutes)} min of re-stamped readings bound the block; correlation with the typical profile ${r} when shifted back`,
    reasonZh: `${from} 至 ${to} 时标偏移 ${signedZh}：区段两端分别出现 ${Math.abs(minutes)} 分钟缺数和 ${Math.abs(minutes)} 分钟重复时标；回移后与典型曲线的相关系数 ${r}`,
    facts: { shiftSteps: c.shiftSteps, shiftedStart: c.shiftedStart, shiftedEnd: c.shiftedEnd, differing: c.differing, correlation: corr.base, shiftedCorrelation: corr.shifted, evidence: 'paired' },
  };
}

/** Day votes: +1 / −1 when shifting by ±k gains enough correlation, 0 otherwise or when covered. */
function profileFlags(series: MeterSeries, rules: VeeRules, ctx: VeeContext, expected: Float64Array, k: number, paired: readonly Flag[]): Flag[] {
  const { days } = ctx;
  const { profileMinDays, profileMinGain } = rules.clockShift;
  const votes = new Int8Array(days.count);
  const gains = new Float64Array(days.count);
  for (let d = 0; d < days.count; d++) {
    const from = days.start[d];
    const to = days.start[d + 1];
    if (!days.complete[d] || paired.some((f) => f.startIndex < to && f.endIndex > from) || !mostlyPresent(series.values, from, to)) continue;
    const r = shiftCorrelationsBothWays(series.values, expected, from, to, k);
    const vote = r.ahead >= r.behind ? 1 : -1;
    gains[d] = fisherGain(r.base, Math.max(r.ahead, r.behind));
    if (gains[d] >= profileMinGain) votes[d] = vote;
  }
  const flags: Flag[] = [];
  for (let d = 0; d < days.count; ) {
    let e = d + 1;
    while (votes[d] !== 0 && e < days.count && votes[e] === votes[d]) e++;
    if (votes[d] !== 0 && e - d >= profileMinDays) flags.push(profileFlag(series, ctx, d, e, votes[d] * k, gains));
    d = e;
  }
  return flags;
}

function mostlyPresent(values: Float64Array, from: number, to: number): boolean {
  let present = 0;
  for (let i = from; i < to; i++) if (values[i] === values[i]) present++;
  return present >= 0.9 * (to - from);
}

function profileFlag(series: MeterSeries, ctx: VeeContext, d: number, e: number, shiftSteps: number, gains: Float64Array): Flag {
  let gain = 0;
  for (let x = d; x < e; x++) gain += gains[x] / (e - d);
  const minutes = shiftSteps * series.intervalMinutes;
  const signed = `${minutes > 0 ? '+' : '−'}${Math.abs(minutes)} min`;
  const signedZh = `${minutes > 0 ? '+' : '−'}${Math.abs(minutes)} 分钟`;
  const first = isoDateOfEpochDay(ctx.days.firstEpochDay + d);
  const last = isoDateOfEpochDay(ctx.days.firstEpochDay + e - 1);
  const start = ctx.days.start[d];
  const end = ctx.days.start[e];
  return {
    check: 'clock-shift',
    code: 'clock-shift.profile',
    startIndex: start,
    endIndex: end,
    severity: 'warning',
    reason: `${e - d} days ${first} to ${last} fit the meter's typical profile better with timestamps ${signed} off (mean Fisher-z correlation gain ${gain.toFixed(2)}): possible clock drift, not corrected`,
    reasonZh: `${first} 至 ${last} 共 ${e - d} 天的曲线在时标偏移 ${signedZh} 后与典型曲线更吻合（相关系数 Fisher z 值平均提高 ${gain.toFixed(2)}），疑似时钟偏差，未自动修正`,
    facts: { shiftSteps, shiftedStart: start, shiftedEnd: end, meanGain: gain, evidence: 'profile' },
  };
}
