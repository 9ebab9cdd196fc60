import { isoDateOfEpochDay } from '../../core/time/index.js';
import type { Flag } from './flag.js';
import { kwhText, ratioText } from './reason-format.js';
import { insertionSort } from './robust-stats.js';
import type { VeeCheck } from './vee-check.js';
import type { VeeContext } from './vee-context.js';
import type { VeeRules } from './vee-rules.js';

/**
 * Daily band: a complete local day's total outside [lowRatio, highRatio] × the median total of the
 * other complete days within ±windowDays/2 (warning). Days with a missing slot are not judged.
 */
export const dailyBandCheck: VeeCheck = (series, rules, ctx) => {
  const totals = dayTotals(series.values, ctx);
  const half = Math.floor(rules.dailyBand.windowDays / 2);
  const scratch = new Float64Array(2 * half);
  const flags: Flag[] = [];
  for (let d = 0; d < totals.length; d++) {
    if (Number.isNaN(totals[d])) continue;
    const reference = referenceTotal(totals, d, half, rules, scratch);
    if (reference === undefined) continue;
    const ratio = totals[d] / reference;
    if (ratio < rules.dailyBand.lowRatio || ratio > rules.dailyBand.highRatio) flags.push(bandFlag(ctx, rules, d, totals[d], reference));
  }
  return flags;
};

/** Total of each complete local day, NaN for incomplete days and days with a missing slot. */
export function dayTotals(values: Float64Array, ctx: VeeContext): Float64Array {
  const { days } = ctx;
  const totals = new Float64Array(days.count).fill(Number.NaN);
  for (let d = 0; d < days.count; d++) {
    if (days.complete[d] === 0) continue;
    let sum = 0;
    for (let i = days.start[d]; i < days.start[d + 1]; i++) sum += values[i];
    totals[d] = sum;
  }
  return totals;
}

/** Median of the other judged days within ±half days (sorted in a scratch buffer: this runs once per day). */
function referenceTotal(totals: Float64Array, d: number, half: number, rules: VeeRules, scratch: Float64Array): number | undefined {
  let m = 0;
  for (let e = Math.max(0, d - half); e <= Math.min(totals.length - 1, d + half); e++) if (e !== d && totals[e] === totals[e]) scratch[m++] = totals[e];
  if (m < rules.dailyBand.minReferenceDays) return undefined;
  insertionSort(scratch, m);
  const median = m % 2 === 1 ? scratch[m >> 1] : (scratch[(m >> 1) - 1] + scratch[m >> 1]) / 2;
  return median > rules.dailyBand.minKwh ? median : undefined;
}

function bandFlag(ctx: VeeContext, rules: VeeRules, d: number, total: number, reference: number): Flag {
  const { lowRatio, highRatio, windowDays } = rules.dailyBand;
  const high = total > reference;
  const date = isoDateOfEpochDay(ctx.days.firstEpochDay + d);
  return {
    check: 'daily-band',
    code: high ? 'daily-band.high' : 'daily-band.low',
    startIndex: ctx.days.start[d],
    endIndex: ctx.days.start[d + 1],
    severity: 'warning',
    reason: `daily total ${kwhText(total)} on ${date} is ${ratioText(total / reference)} the ${windowDays}-day median ${kwhText(reference)}, outside the band ${lowRatio}–${highRatio}×`,
    reasonZh: `${date} 日电量 ${kwhText(total)} 为前后 ${windowDays} 天中位数 ${kwhText(reference)} 的 ${ratioText(total / reference)}，超出 ${lowRatio}–${highRatio} 倍区间`,
    facts: { date, totalKwh: total, referenceKwh: reference },
  };
}
