import type { Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import { kwhText, localTimeText } from './reason-format.js';
import type { VeeCheck } from './vee-check.js';

/**
 * Duplicates: a (meter, channel, timestamp) delivered more than once. Identical values: the repeat
 * is dropped (info). Different values: the newest delivery is kept and the older value is recorded
 * in the flag (warning). Needs the raw deliveries; without them there is nothing to check.
 */
export const duplicateCheck: VeeCheck = (series, rules, ctx) => {
  const index = ctx.deliveryIndex;
  const deliveries = series.context.deliveries;
  if (!index || !deliveries) return [];
  const flags: Flag[] = [];
  const slots = [...index.repeated.keys()].sort((a, b) => a - b);
  for (const slot of slots) {
    const values = index.repeated.get(slot)!.map((d) => deliveries.values[d]);
    flags.push(duplicateFlag(series, slot, values, rules.duplicate.identicalToleranceKwh));
  }
  return flags;
};

/** `values` in arrival order; the last one is kept. */
function duplicateFlag(series: MeterSeries, slot: number, values: number[], tolerance: number): Flag {
  const kept = values[values.length - 1];
  const older = values.slice(0, -1);
  const differing = older.filter((v) => Math.abs(v - kept) > tolerance);
  const at = localTimeText(series, slot);
  const base = { check: 'duplicate' as const, startIndex: slot, endIndex: slot + 1 };
  if (differing.length === 0) {
    return {
      ...base,
      code: 'duplicate.identical',
      severity: 'info',
      reason: `${values.length} identical deliveries of ${kwhText(kept)} for ${at}; repeats dropped`,
      reasonZh: `${at} 的数据 ${kwhText(kept)} 重复上报 ${values.length} 次且数值相同，已去重`,
      facts: { deliveries: values.length, keptValue: kept },
    };
  }
  const superseded = differing[differing.length - 1];
  return {
    ...base,
    code: 'duplicate.superseded',
    severity: 'warning',
    reason: `${values.length} deliveries for ${at} with different values; kept the newest ${kwhText(kept)}, superseded ${differing.map(kwhText).join(', ')}`,
    reasonZh: `${at} 的数据上报 ${values.length} 次且数值不同，保留最新值 ${kwhText(kept)}，被替换的旧值为 ${differing.map(kwhText).join('、')}`,
    facts: { deliveries: values.length, keptValue: kept, supersededValue: superseded },
  };
}
