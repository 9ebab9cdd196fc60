import type { Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import { countText, kwhText, localTimeText } from './reason-format.js';
import { runsOf } from './runs.js';
import type { VeeCheck } from './vee-check.js';
import type { VeeRules } from './vee-rules.js';

export interface HighLimit {
  readonly kwh: number;
  readonly basis: string;
  readonly basisZh: string;
}

/**
 * The physical maximum per interval: contract kVA × interval hours × multiplier × capacityFactor
 * (DOMAIN.md), and historicalMaxFactor × the historical maximum when known; the lower applies.
 */
export function highLimit(series: MeterSeries, rules: VeeRules): HighLimit | undefined {
  const { contractKva, multiplier = 1, historicalMaxKwh } = series.context;
  const limits: HighLimit[] = [];
  if (contractKva !== undefined) {
    const kwh = contractKva * series.intervalHours * multiplier * rules.limit.capacityFactor;
    limits.push({ kwh, basis: `contract ${contractKva} kVA × ${series.intervalHours} h × multiplier ${multiplier} × ${rules.limit.capacityFactor}`, basisZh: `合同容量 ${contractKva} kVA × ${series.intervalHours} 小时 × 倍率 ${multiplier} × ${rules.limit.capacityFactor}` });
  }
  if (historicalMaxKwh !== undefined) {
    const k = rules.limit.historicalMaxFactor;
    limits.push({ kwh: k * historicalMaxKwh, basis: `${k} × historical max ${kwhText(historicalMaxKwh)}`, basisZh: `${k} 倍历史最大值 ${kwhText(historicalMaxKwh)}` });
  }
  return limits.sort((a, b) => a.kwh - b.kwh)[0];
}

/** High limit (error) and, when configured, low limit (warning) per interval. */
export const limitCheck: VeeCheck = (series, rules) => {
  const flags: Flag[] = [];
  const high = highLimit(series, rules);
  if (high) flags.push(...limitFlags(series, 'high', high));
  const low = rules.limit.lowKwh;
  if (low !== null) flags.push(...limitFlags(series, 'low', { kwh: low, basis: 'configured low limit', basisZh: '配置的下限' }));
  return flags;
};

/** Slots above the high limit, or non-negative and below the low limit. */
function outsideMask(values: Float64Array, side: 'high' | 'low', limit: number): Uint8Array | undefined {
  const mask = new Uint8Array(values.length);
  let any = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (side === 'high' ? v > limit : v >= 0 && v < limit) {
      mask[i] = 1;
      any = true;
    }
  }
  return any ? mask : undefined;
}

function limitFlags(series: MeterSeries, side: 'high' | 'low', limit: HighLimit): Flag[] {
  const { values } = series;
  const mask = outsideMask(values, side, limit.kwh);
  if (!mask) return [];
  return runsOf(mask).map(({ start, end }) => {
    let extreme = values[start];
    for (let i = start; i < end; i++) extreme = side === 'high' ? Math.max(extreme, values[i]) : Math.min(extreme, values[i]);
    const at = localTimeText(series, start);
    return {
      check: 'limit',
      code: `limit.${side}`,
      startIndex: start,
      endIndex: end,
      severity: side === 'high' ? 'error' : 'warning',
      reason: `${countText(end - start, 'value')} from ${at} ${side === 'high' ? 'above' : 'below'} the ${side} limit ${kwhText(limit.kwh)} (${limit.basis}); ${side === 'high' ? 'highest' : 'lowest'} ${kwhText(extreme)}`,
      reasonZh: `${at} 起 ${end - start} 个数据${side === 'high' ? '超过上限' : '低于下限'} ${kwhText(limit.kwh)}（${limit.basisZh}），${side === 'high' ? '最高' : '最低'} ${kwhText(extreme)}`,
      facts: { count: end - start, limitKwh: limit.kwh, extremeKwh: extreme },
    };
  });
}
