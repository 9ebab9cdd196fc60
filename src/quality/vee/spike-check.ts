import type { Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import { kwhText, localTimeText, ratioText } from './reason-format.js';
import { positiveQuantile } from './robust-stats.js';
import type { VeeCheck } from './vee-check.js';
import type { VeeRules } from './vee-rules.js';

/**
 * Spikes: a value above `neighbourRatio` × its larger valid neighbour (the nearest non-negative
 * value within `lookaroundIntervals` on each side) and above `levelRatio` × the meter's robust
 * upper level, the `levelQuantile` quantile of its positive values. An upper quantile, not the
 * median: appliance bursts and on/off loads (pumps, street lighting) legitimately reach several
 * times the median, and a quantile barely moves for the few spikes a meter has (under 1%).
 */
export const spikeCheck: VeeCheck = (series, rules) => {
  const { values } = series;
  const { neighbourRatio, levelRatio, levelQuantile, minKwh, lookaroundIntervals } = rules.spike;
  const level = positiveQuantile(values, levelQuantile);
  if (!(level > 0)) return [];
  const threshold = Math.max(levelRatio * level, minKwh);
  const flags: Flag[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > threshold)) continue;
    const neighbour = Math.max(nearestValid(values, i, -1, lookaroundIntervals), nearestValid(values, i, 1, lookaroundIntervals));
    if (neighbour < 0 || v <= neighbourRatio * neighbour) continue;
    flags.push(spikeFlag(series, rules, i, neighbour, level));
  }
  return flags;
};

/** Nearest non-negative value in direction `step` within `reach`; -1 if none. */
function nearestValid(values: Float64Array, i: number, step: 1 | -1, reach: number): number {
  for (let k = 1; k <= reach; k++) {
    const v = values[i + step * k];
    if (v >= 0) return v;
  }
  return -1;
}

function spikeFlag(series: MeterSeries, rules: VeeRules, i: number, neighbour: number, level: number): Flag {
  const v = series.values[i];
  const { neighbourRatio, levelRatio } = rules.spike;
  const toNeighbour = neighbour > 0 ? ratioText(v / neighbour) : '∞×';
  const at = localTimeText(series, i);
  return {
    check: 'spike',
    code: 'spike',
    startIndex: i,
    endIndex: i + 1,
    severity: 'error',
    reason: `${kwhText(v)} at ${at} is ${toNeighbour} the larger valid neighbour ${kwhText(neighbour)} and ${ratioText(v / level)} the meter's q${rules.spike.levelQuantile} level ${kwhText(level)} (thresholds ${neighbourRatio}×, ${levelRatio}×)`,
    reasonZh: `${at} 的 ${kwhText(v)} 为相邻有效值较大者 ${kwhText(neighbour)} 的 ${toNeighbour}、该表 ${rules.spike.levelQuantile} 分位水平 ${kwhText(level)} 的 ${ratioText(v / level)}（阈值 ${neighbourRatio} 倍、${levelRatio} 倍），判为尖峰`,
    facts: { valueKwh: v, neighbourKwh: neighbour, levelKwh: level },
  };
}
