import type { ClockCandidate } from './clock-markers.js';
import { clockShiftOf } from './clock-shift-check.js';
import { supersededValue } from './deliveries.js';
import type { Edit } from './edit.js';
import type { Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import { kwhText } from './reason-format.js';
import type { Run } from './runs.js';
import type { VeeContext } from './vee-context.js';
import type { VeeRules } from './vee-rules.js';

export interface TimingCorrection {
  /** Delivered values with shifted blocks moved back to their true slots (the delivered array itself when nothing moved). */
  readonly values: Float64Array;
  readonly edits: Edit[];
  /** Slots left without a value by a move: they are estimated like missing ones. */
  readonly vacated: number[];
  /** The hole and the re-stamped slots at the ends of each corrected block. */
  readonly explained: Run[];
}

/**
 * Moves each block of a clock-shift flag with error severity (paired evidence) back by its shift.
 * The slots a move leaves empty held re-stamped readings; their true values are the older
 * deliveries the re-stamped ones superseded (at the same slot for a clock behind, k slots later for
 * a clock ahead), restored when the deliveries are known and otherwise left to estimation.
 */
export function correctClockShifts(series: MeterSeries, flags: readonly Flag[], rules: VeeRules, ctx: VeeContext): TimingCorrection {
  const shifts = flags.some((f) => f.severity === 'error' && f.check === 'clock-shift');
  const values = shifts ? series.values.slice() : series.values;
  const edits: Edit[] = [];
  const vacated: number[] = [];
  const explained: Run[] = [];
  for (const flag of flags) {
    const shift = flag.severity === 'error' ? clockShiftOf(flag) : undefined;
    if (!shift) continue;
    moveBlock(series, shift, values, edits, vacated, rules, ctx);
    const k = Math.abs(shift.shiftSteps);
    explained.push({ start: shift.flagStart, end: shift.flagStart + k }, { start: shift.flagEnd - k, end: shift.flagEnd });
  }
  return { values, edits, vacated, explained };
}

/**
 * Drops the gap and duplicate findings a corrected clock shift explains: its hole is filled and
 * its re-stamped readings are put back, so "missing" and "kept the newest" no longer hold there;
 * the clock-shift flag, which covers both ends, reports them.
 */
export function withoutExplained(flags: readonly Flag[], explained: readonly Run[]): Flag[] {
  if (explained.length === 0) return [...flags];
  const inside = (f: Flag) => explained.some((r) => f.startIndex >= r.start && f.endIndex <= r.end);
  return flags.filter((f) => !((f.check === 'gap' || f.check === 'duplicate') && inside(f)));
}

function moveBlock(series: MeterSeries, c: ClockCandidate, values: Float64Array, edits: Edit[], vacated: number[], rules: VeeRules, ctx: VeeContext): void {
  const d = c.shiftSteps;
  const original = series.values;
  const minutes = `${d > 0 ? '+' : '−'}${Math.abs(d) * series.intervalMinutes} min`;
  const moved = new Set<number>();
  for (let j = c.shiftedStart; j < c.shiftedEnd; j++) {
    const t = j - d;
    if (t < 0 || t >= values.length) continue;
    values[t] = original[j];
    moved.add(t);
    edits.push({ index: t, original: original[t], value: original[j], quality: 'edited', method: 'clock-shift', reason: `reading stamped ${minutes} late moved back from slot ${j}` });
  }
  for (let v = c.shiftedStart; v < c.shiftedEnd; v++) {
    if (moved.has(v)) continue;
    const restored = restore(series, ctx, v, d, rules);
    values[v] = restored ?? Number.NaN;
    if (restored === undefined) vacated.push(v);
    else edits.push({ index: v, original: original[v], value: restored, quality: 'edited', method: 'clock-shift-restore', reason: `superseded delivery ${kwhText(restored)} restored after moving the re-stamped reading` });
  }
}

function restore(series: MeterSeries, ctx: VeeContext, slot: number, shift: number, rules: VeeRules): number | undefined {
  const deliveries = series.context.deliveries;
  const source = shift > 0 ? slot + shift : slot;
  if (!ctx.deliveryIndex || !deliveries || source >= series.length) return undefined;
  return supersededValue(ctx.deliveryIndex, deliveries, source, rules.duplicate.identicalToleranceKwh);
}
