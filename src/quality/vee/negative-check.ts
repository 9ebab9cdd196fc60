import { countText, kwhText, localTimeText } from './reason-format.js';
import { runsOf } from './runs.js';
import type { VeeCheck } from './vee-check.js';

/** Negative values: invalid (error) unless the channel is export or the premises are net-metered. */
export const negativeCheck: VeeCheck = (series, rules) => {
  if (series.allowsNegative) return [];
  const { values } = series;
  const floor = -rules.negative.toleranceKwh;
  const mask = new Uint8Array(values.length);
  let any = false;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < floor) {
      mask[i] = 1;
      any = true;
    }
  }
  if (!any) return [];
  return runsOf(mask).map(({ start, end }) => {
    let lowest = 0;
    for (let i = start; i < end; i++) lowest = Math.min(lowest, values[i]);
    const at = localTimeText(series, start);
    return {
      check: 'negative',
      code: 'negative',
      startIndex: start,
      endIndex: end,
      severity: 'error',
      reason: `${countText(end - start, 'negative value')} from ${at} (lowest ${kwhText(lowest)}) on an import channel without net metering`,
      reasonZh: `${at} 起 ${end - start} 个负值（最低 ${kwhText(lowest)}），该正向计量通道无净计量，负值无效`,
      facts: { count: end - start, lowestKwh: lowest },
    };
  });
};
