import type { Edit, VeeEstimator } from './edit.js';
import { kwhText } from './reason-format.js';
import { runsOf } from './runs.js';
import { maxLinearIntervals } from './vee-rules.js';

/**
 * Linear interpolation between the valid neighbours of a pending run of at most
 * `maxLinearIntervals` (default 2 h; California DASMMD, Oracle MDM "interval interpolation"):
 * slot k of a run of n between a and b gets a + (b − a)·(k + 1)/(n + 1).
 */
export const linearEstimator: VeeEstimator = (series, rules, ctx, state) => {
  const limit = maxLinearIntervals(rules, series.intervalMinutes);
  const { values, pending } = state;
  const edits: Edit[] = [];
  for (const { start, end } of runsOf(pending, 0, ctx.dueEnd)) {
    const n = end - start;
    if (n > limit || start === 0 || end >= values.length) continue;
    const a = values[start - 1];
    const b = values[end];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const reason = `linear interpolation over ${n} intervals between ${kwhText(a)} and ${kwhText(b)}`;
    for (let k = 0; k < n; k++) {
      const i = start + k;
      edits.push({ index: i, original: state.original[i], value: a + ((b - a) * (k + 1)) / (n + 1), quality: 'estimated', method: 'linear', reason });
    }
  }
  return edits;
};
