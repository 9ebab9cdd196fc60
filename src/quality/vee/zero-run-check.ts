import { durationText, durationZh, localTimeText } from './reason-format.js';
import type { Run } from './runs.js';
import type { VeeCheck } from './vee-check.js';

/**
 * Zero run: zero consumption for at least `windowMinutes` on an active account. A vacancy or theft
 * signal (info), not an error: the values stay.
 */
export const zeroRunCheck: VeeCheck = (series, rules) => {
  if (series.context.accountActive === false) return [];
  const minRun = Math.ceil(rules.zeroRun.windowMinutes / series.intervalMinutes);
  return zeroRuns(series.values, minRun).map(({ start, end }) => ({
      check: 'zero-run',
      code: 'zero-run',
      startIndex: start,
      endIndex: end,
      severity: 'info',
      reason: `zero consumption for ${durationText(series, end - start)} from ${localTimeText(series, start)} on an active account (window ${rules.zeroRun.windowMinutes} min): vacancy or theft signal`,
      reasonZh: `在用账户自 ${localTimeText(series, start)} 起连续 ${durationZh(series, end - start)} 零电量（窗口 ${rules.zeroRun.windowMinutes} 分钟），提示空置或窃电嫌疑`,
      facts: { count: end - start },
    }));
};

/** Runs of exact zeros at least `minRun` long. */
function zeroRuns(values: Float64Array, minRun: number): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = 0; i <= values.length; i++) {
    if (i < values.length && values[i] === 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= minRun) runs.push({ start, end: i });
      start = -1;
    }
  }
  return runs;
}
