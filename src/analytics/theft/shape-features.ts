import { largestLevelShift, largestLevelShifts, type LevelShift, type ShiftDirection } from './change-point.js';
import { clamp, finiteOr, mean, median, pearson } from './series-stats.js';
import type { DailySignal, UsagePanel } from './usage-panel.js';

/** Names of the load-shape features, in order. */
export const shapeFeatureNames = [
  'zero_share_rise', 'roughness_rise', 'roughness_z', 'cv_drop', 'cv_rise', 'night_share_shift', 'profile_break', 'profile_flatness',
  'profile_reversal',
] as const;

export type ShapeFeatures = Readonly<Record<(typeof shapeFeatureNames)[number], number>>;

const MAX_Z = 50;

/**
 * Changes of the load curve's shape that level features miss: zero readings appearing within days
 * (h2), a rougher curve (h3, h4: readings scaled one by one), a flat curve (h5), usage moved between
 * day and night or a profile turned around (h6).
 */
export function shapeFeatures(panel: UsagePanel, meter: number, minSegment: number): ShapeFeatures {
  const roughness = shift(panel, meter, 'roughness', minSegment, 0.02);
  const cv = shifts(panel, meter, 'cv', minSegment, 0.02);
  const night = shifts(panel, meter, 'nightShare', minSegment, 0.01);
  const zeros = rise(panel, meter, 'zeroShare', minSegment, 0.01);
  const [cvDown, cvUp, nightUp, nightDown] = [cv.down, cv.up, night.up, night.down];
  return {
    zero_share_rise: zeros.difference,
    roughness_rise: clamp(roughness.ratio - 1, -1, 10),
    roughness_z: roughness.z,
    cv_drop: clamp(1 - cvDown.ratio, -1, 1),
    cv_rise: clamp(cvUp.ratio - 1, -1, 10),
    night_share_shift: Math.max(Math.abs(nightUp.difference), Math.abs(nightDown.difference)),
    profile_break: profileBreak(panel, meter),
    profile_flatness: profileFlatness(panel, meter),
    profile_reversal: profileReversal(panel, meter),
  };
}

interface SignalShift {
  readonly ratio: number;
  readonly difference: number;
  readonly z: number;
}

/** A shift's ratio and difference, without its standardised size. */
type ShiftSize = Omit<SignalShift, 'z'>;

/**
 * What a signal that never changes gives wherever it is split: ratio 1, difference 0. One reading a
 * day has no intraday spread and all of it at one hour, so such signals need no search.
 */
const NO_SHIFT: ShiftSize = { ratio: 1, difference: 0 };

/** The largest rise of one daily signal, with its standardised size. */
function shift(panel: UsagePanel, meter: number, signal: DailySignal, minSegment: number, floor: number): SignalShift {
  return summary(largestLevelShift(panel.series(meter, signal), minSegment, 'up', floor));
}

/** The size of the largest rise of one daily signal. */
function rise(panel: UsagePanel, meter: number, signal: DailySignal, minSegment: number, floor: number): ShiftSize {
  const series = panel.series(meter, signal);
  return isConstant(series) ? NO_SHIFT : summary(largestLevelShift(series, minSegment, 'up', floor));
}

/** The sizes of the largest rise and fall of one daily signal (one pass over the series for both). */
function shifts(panel: UsagePanel, meter: number, signal: DailySignal, minSegment: number, floor: number): Record<ShiftDirection, ShiftSize> {
  const series = panel.series(meter, signal);
  if (isConstant(series)) return { down: NO_SHIFT, up: NO_SHIFT };
  const found = largestLevelShifts(series, minSegment, floor);
  return { down: summary(found.down), up: summary(found.up) };
}

/** Whether every present value of the series is the same (true without present values). */
function isConstant(series: Float32Array): boolean {
  let first = Number.NaN;
  for (const v of series) {
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(first)) first = v;
    else if (v !== first) return false;
  }
  return true;
}

function summary(found: LevelShift | null): SignalShift {
  if (!found) return { ratio: 1, difference: 0, z: 0 };
  return {
    ratio: finiteOr(found.ratio, 1),
    difference: finiteOr(found.after - found.before, 0),
    z: clamp(found.z, -MAX_Z, MAX_Z),
  };
}

/** 1 − the lowest correlation between the hourly profiles of consecutive blocks (2 for a profile turned around). */
function profileBreak(panel: UsagePanel, meter: number): number {
  let low = 1;
  for (let b = 1; b < panel.nBlocks; b++) {
    const r = pearson(panel.profile(meter, b - 1), panel.profile(meter, b));
    if (Number.isFinite(r)) low = Math.min(low, r);
  }
  return 1 - low;
}

/**
 * How much better a block's hourly profile matches the first block's profile turned around than the
 * profile itself (the day's readings in reverse order, h6); the largest over blocks.
 */
function profileReversal(panel: UsagePanel, meter: number): number {
  const reference = panel.profile(meter, 0);
  const reversed = reference.slice().reverse();
  let best = 0;
  for (let b = 1; b < panel.nBlocks; b++) {
    const p = panel.profile(meter, b);
    const gap = pearson(p, reversed) - pearson(p, reference);
    if (Number.isFinite(gap)) best = Math.max(best, gap);
  }
  return best;
}

/** 1 − the flattest block's profile variation over the median block's (1 for a profile gone flat). */
function profileFlatness(panel: UsagePanel, meter: number): number {
  const variation: number[] = [];
  for (let b = 0; b < panel.nBlocks; b++) {
    const p = panel.profile(meter, b);
    const m = mean(p);
    if (!(m > 0)) continue;
    let ss = 0;
    let k = 0;
    for (const v of p) {
      if (!Number.isFinite(v)) continue;
      ss += (v - m) ** 2;
      k++;
    }
    variation.push(Math.sqrt(ss / k) / m);
  }
  const typical = median(variation);
  return typical > 0 ? clamp(1 - Math.min(...variation) / typical, 0, 1) : 0;
}
