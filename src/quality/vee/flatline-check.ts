import type { Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import { durationText, durationZh, kwhText, localTimeText } from './reason-format.js';
import type { VeeCheck } from './vee-check.js';
import type { VeeRules } from './vee-rules.js';

/**
 * Flatline (stuck meter): the same non-zero value, within `toleranceKwh` of the run's first value,
 * for at least `windowMinutes` (OpenSTEF: 24 h). Zeros are left to the zero-run check.
 */
export const flatlineCheck: VeeCheck = (series, rules) => {
  const { values } = series;
  const minRun = Math.ceil(rules.flatline.windowMinutes / series.intervalMinutes);
  const tolerance = rules.flatline.toleranceKwh;
  const flags: Flag[] = [];
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const first = values[start];
    if (i < values.length && first !== 0 && Math.abs(values[i] - first) <= tolerance) continue;
    if (i - start >= minRun && first !== 0 && first === first) flags.push(flatlineFlag(series, rules, start, i));
    start = i;
  }
  return flags;
};

function flatlineFlag(series: MeterSeries, rules: VeeRules, start: number, end: number): Flag {
  const value = series.values[start];
  const at = localTimeText(series, start);
  return {
    check: 'flatline',
    code: 'flatline',
    startIndex: start,
    endIndex: end,
    severity: 'error',
    reason: `${kwhText(value)} repeated ${end - start} times (${durationText(series, end - start)}) from ${at}; window ${rules.flatline.windowMinutes} min: stuck meter`,
    reasonZh: `${at} 起同一非零读数 ${kwhText(value)} 连续重复 ${end - start} 次（${durationZh(series, end - start)}），超过 ${rules.flatline.windowMinutes} 分钟窗口，疑似表计卡滞`,
    facts: { valueKwh: value, count: end - start },
  };
}
