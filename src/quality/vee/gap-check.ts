import type { Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import { countText, durationText, durationZh, localTimeText } from './reason-format.js';
import { missingRuns, type Run } from './runs.js';
import type { VeeCheck } from './vee-check.js';
import type { VeeRules } from './vee-rules.js';

/**
 * Gaps: each run of missing slots among those due is one flag, a short gap (warning, up to
 * `longGapMinutes`, filled by interpolation) or a long gap (error, like-day estimation). Counts per
 * local day are in `missingByLocalDay`.
 */
export const gapCheck: VeeCheck = (series, rules, ctx) =>
  missingRuns(series.values, 0, ctx.dueEnd).map((run) => gapFlag(series, rules, run));

function gapFlag(series: MeterSeries, rules: VeeRules, { start, end }: Run): Flag {
  const count = end - start;
  const minutes = count * series.intervalMinutes;
  const long = minutes > rules.gap.longGapMinutes;
  const limit = rules.gap.longGapMinutes;
  return {
    check: 'gap',
    code: long ? 'gap.long' : 'gap.short',
    startIndex: start,
    endIndex: end,
    severity: long ? 'error' : 'warning',
    reason: `${countText(count, 'interval')} (${durationText(series, count)}) missing from ${localTimeText(series, start)}; ${long ? `long gap (> ${limit} min)` : `short gap (≤ ${limit} min)`}`,
    reasonZh: `${localTimeText(series, start)} 起缺失 ${count} 个数据（${durationZh(series, count)}），${long ? `长时缺数（超过 ${limit} 分钟）` : `短时缺数（不超过 ${limit} 分钟）`}`,
    facts: { missing: count, minutes, long },
  };
}
