import { largestLevelShift, type LevelShift } from './change-point.js';
import type { PeerGroups } from './peer-groups.js';
import { clamp, finiteOr, median } from './series-stats.js';
import type { UsagePanel } from './usage-panel.js';

/** Names of the usage-level features, in order. */
export const levelFeatureNames = ['drop_ratio', 'drop_z', 'recent_ratio', 'min_block_ratio', 'zero_day_share', 'zero_run_days'] as const;

export interface LevelFeatures {
  readonly values: Readonly<Record<(typeof levelFeatureNames)[number], number>>;
  /** The sustained drop of usage relative to peers, if any. */
  readonly shift: LevelShift | null;
  /** Usage relative to own median and peers, per day. */
  readonly relative: Float64Array;
}

/** A day counts as zero use below this share of the customer's median day. */
const ZERO_DAY_SHARE = 0.02;
const MAX_Z = 50;

/** Sustained drop against own history and peers, and zero-use days on an active account. */
export function levelFeatures(panel: UsagePanel, peers: PeerGroups, meter: number, minSegment: number, blockDays: number): LevelFeatures {
  const relative = peers.relative(meter);
  const shift = largestLevelShift(relative, minSegment, 'down', 0.02);
  const zeros = zeroDays(panel.series(meter, 'kwh'), peers.baseline[meter]);
  const active = panel.meters[meter].active;
  const { start, end } = panel.span(meter);
  return {
    relative,
    shift,
    values: {
      drop_ratio: shift ? clamp(finiteOr(1 - shift.ratio, 0), -1, 1) : 0,
      drop_z: shift ? clamp(shift.z, -MAX_Z, MAX_Z) : 0,
      recent_ratio: finiteOr(median(relative, end - blockDays, end) / median(relative, start, start + blockDays), 1),
      min_block_ratio: minBlockMedian(relative, start, end, blockDays),
      zero_day_share: active ? zeros.share : 0,
      zero_run_days: active ? zeros.longestRun : 0,
    },
  };
}

/** Lowest median of the blocks of `blockDays` days from `first` (the last block may be shorter but at least half). */
function minBlockMedian(series: Float64Array, first: number, end: number, blockDays: number): number {
  let low = Infinity;
  for (let start = first; start < end; start += blockDays) {
    if (end - start < blockDays / 2) break;
    const m = median(series, start, Math.min(end, start + blockDays));
    if (Number.isFinite(m)) low = Math.min(low, m);
  }
  return Number.isFinite(low) ? low : 1;
}

function zeroDays(kwh: Float32Array, baseline: number): { share: number; longestRun: number } {
  let zero = 0;
  let seen = 0;
  let run = 0;
  let longestRun = 0;
  const limit = Math.max(baseline, 0) * ZERO_DAY_SHARE;
  for (const v of kwh) {
    if (Number.isNaN(v)) continue;
    seen++;
    if (v <= limit) {
      zero++;
      longestRun = Math.max(longestRun, ++run);
    } else run = 0;
  }
  return { share: seen > 0 ? zero / seen : 0, longestRun };
}
