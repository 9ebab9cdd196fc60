import { MS_PER_MINUTE } from '../../core/time/index.js';
import type { Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import { countText, durationText, durationZh, localTimeText } from './reason-format.js';
import { runsOf } from './runs.js';
import type { VeeCheck } from './vee-check.js';
import { slotsEndedBy, type VeeContext } from './vee-context.js';
import type { VeeRules } from './vee-rules.js';

/**
 * Time: values for intervals that have not ended yet (beyond a tolerance) are errors; delivered
 * timestamps off the interval grid are warnings, one flag per run of affected slots.
 */
export const timeCheck: VeeCheck = (series, rules, ctx) => [...futureFlags(series, rules, ctx), ...misalignedFlags(series, rules, ctx)];

function futureFlags(series: MeterSeries, rules: VeeRules, ctx: VeeContext): Flag[] {
  const from = slotsEndedBy(series, ctx.nowMs + rules.time.futureToleranceMinutes * MS_PER_MINUTE);
  if (from >= series.length) return [];
  const mask = new Uint8Array(series.length);
  for (let i = from; i < series.length; i++) if (series.values[i] === series.values[i]) mask[i] = 1;
  const now = new Date(ctx.nowMs).toISOString();
  return runsOf(mask, from).map(({ start, end }) => ({
    check: 'time',
    code: 'time.future',
    startIndex: start,
    endIndex: end,
    severity: 'error',
    reason: `${countText(end - start, 'value')} for intervals from ${localTimeText(series, start)} that end after now (${now}) + ${rules.time.futureToleranceMinutes} min`,
    reasonZh: `${localTimeText(series, start)} 起 ${end - start} 个数据的时段晚于当前时间（${now}）加容差 ${rules.time.futureToleranceMinutes} 分钟，属未来时标`,
    facts: { count: end - start, nowMs: ctx.nowMs },
  }));
}

function misalignedFlags(series: MeterSeries, rules: VeeRules, ctx: VeeContext): Flag[] {
  const index = ctx.deliveryIndex;
  if (!index) return [];
  const toleranceMs = rules.time.alignmentToleranceSeconds * 1000;
  let first = 0;
  while (first < index.slot.length && (index.slot[first] < 0 || Math.abs(index.offsetMs[first]) <= toleranceMs)) first++;
  if (first === index.slot.length) return [];
  const mask = new Uint8Array(series.length);
  const worstMs = new Float64Array(series.length);
  for (let d = first; d < index.slot.length; d++) {
    const slot = index.slot[d];
    const off = Math.abs(index.offsetMs[d]);
    if (slot < 0 || off <= toleranceMs) continue;
    mask[slot] = 1;
    worstMs[slot] = Math.max(worstMs[slot], off);
  }
  return runsOf(mask).map(({ start, end }) => {
    let worst = 0;
    for (let i = start; i < end; i++) worst = Math.max(worst, worstMs[i]);
    const seconds = +(worst / 1000).toFixed(1);
    return {
      check: 'time',
      code: 'time.misaligned',
      startIndex: start,
      endIndex: end,
      severity: 'warning',
      reason: `timestamps off the ${series.intervalMinutes}-minute grid for ${durationText(series, end - start)} from ${localTimeText(series, start)} (up to ${seconds} s, tolerance ${rules.time.alignmentToleranceSeconds} s); values taken for the nearest slot`,
      reasonZh: `${localTimeText(series, start)} 起 ${durationZh(series, end - start)} 的时标未对齐 ${series.intervalMinutes} 分钟网格（最大偏差 ${seconds} 秒，容差 ${rules.time.alignmentToleranceSeconds} 秒），已归入最近时段`,
      facts: { slots: end - start, maxOffsetSeconds: seconds },
    };
  });
}
