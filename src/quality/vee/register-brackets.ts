import type { MeterSeries } from './meter-series.js';
import type { VeeRules } from './vee-rules.js';

/**
 * Two consecutive register reads that fall on slot boundaries inside the series: the intervals
 * `[startIndex, endIndex)` should add up to `expectedKwh` (advance × multiplier, rollover handled).
 */
export interface RegisterBracket {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly fromKwh: number;
  readonly toKwh: number;
  /** Register advance × multiplier; NaN when the register went backwards without a plausible rollover. */
  readonly expectedKwh: number;
  readonly rolledOver: boolean;
}

/**
 * Brackets from the series' register reads. Reads off the slot grid or outside the series are
 * skipped. A decrease counts as a rollover when adding `rolloverKwh` gives an advance below half the
 * rollover value; otherwise the bracket's expectation is NaN.
 */
export function registerBrackets(series: MeterSeries, rules: VeeRules): RegisterBracket[] {
  const reads = series.context.registerReads ?? [];
  const multiplier = series.context.multiplier ?? 1;
  const out: RegisterBracket[] = [];
  for (let r = 1; r < reads.length; r++) {
    const startIndex = slotBoundary(series, reads[r - 1].tsMs);
    const endIndex = slotBoundary(series, reads[r].tsMs);
    if (startIndex === undefined || endIndex === undefined || endIndex <= startIndex) continue;
    const advance = registerAdvance(reads[r - 1].kwh, reads[r].kwh, rules.register.rolloverKwh);
    out.push({ startIndex, endIndex, fromKwh: reads[r - 1].kwh, toKwh: reads[r].kwh, expectedKwh: advance.kwh * multiplier, rolledOver: advance.rolledOver });
  }
  return out;
}

export function registerAdvance(from: number, to: number, rolloverKwh: number): { kwh: number; rolledOver: boolean } {
  if (to >= from) return { kwh: to - from, rolledOver: false };
  const wrapped = to + rolloverKwh - from;
  return wrapped > 0 && wrapped < rolloverKwh / 2 ? { kwh: wrapped, rolledOver: true } : { kwh: Number.NaN, rolledOver: false };
}

function slotBoundary(series: MeterSeries, tsMs: number): number | undefined {
  const offset = tsMs - series.startMs;
  if (offset % series.intervalMs !== 0) return undefined;
  const index = offset / series.intervalMs;
  return index >= 0 && index <= series.length ? index : undefined;
}

/** Allowed difference between an interval sum and the register's expectation. */
export function registerTolerance(expectedKwh: number, rules: VeeRules): number {
  return rules.register.toleranceKwh + rules.register.toleranceRatio * Math.abs(expectedKwh);
}
