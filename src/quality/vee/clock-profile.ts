import { DayKind } from '../../core/time/index.js';
import { CorrelationSums, pearson } from './robust-stats.js';
import type { VeeContext } from './vee-context.js';

/** Values above this multiple of the mean positive value are clipped when building the profile. */
const clipFactor = 10;

/**
 * The meter's typical value for every slot: the mean by local slot of day, separately for
 * workdays and other days, of the non-negative values clipped at 10× the mean (so spikes barely
 * move it). A slot with no data in its group borrows the other group's mean.
 */
export function typicalExpectation(values: Float64Array, ctx: VeeContext): Float64Array {
  const { days, dayKind } = ctx;
  let width = 0;
  for (let d = 0; d < days.count; d++) width = Math.max(width, days.start[d + 1] - days.start[d]);
  const clip = clipFactor * positiveMean(values);
  const sums = new Float64Array(2 * width);
  const counts = new Float64Array(2 * width);
  const n = values.length;
  for (let d = 0; d < days.count; d++) {
    const base = (dayKind[d] === DayKind.workday ? 0 : width) - days.start[d];
    for (let i = Math.max(0, days.start[d]); i < Math.min(n, days.start[d + 1]); i++) {
      const v = values[i];
      if (!(v >= 0)) continue;
      sums[base + i] += v < clip ? v : clip;
      counts[base + i]++;
    }
  }
  const means = new Float64Array(2 * width);
  for (let key = 0; key < 2 * width; key++) {
    const other = key < width ? key + width : key - width;
    means[key] = counts[key] > 0 ? sums[key] / counts[key] : counts[other] > 0 ? sums[other] / counts[other] : 0;
  }
  const expected = new Float64Array(n);
  for (let d = 0; d < days.count; d++) {
    const base = (dayKind[d] === DayKind.workday ? 0 : width) - days.start[d];
    for (let i = Math.max(0, days.start[d]); i < Math.min(n, days.start[d + 1]); i++) expected[i] = means[base + i];
  }
  return expected;
}

function positiveMean(values: Float64Array): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > 0) {
      sum += values[i];
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}

/**
 * How much better a shifted profile fits, on Fisher's z scale (atanh r), where differences between
 * correlations near 1 are not compressed: 0.89 → 0.98 is a gain of 0.9, 0.60 → 0.70 one of 0.17.
 */
export function fisherGain(base: number, shifted: number): number {
  const z = (r: number) => Math.atanh(Math.max(-0.999, Math.min(0.999, r)));
  return z(shifted) - z(base);
}

/** Correlation of `values[from..to)` with the expectation as is and shifted k slots either way, in one pass. */
export interface BothWays {
  readonly base: number;
  readonly ahead: number;
  readonly behind: number;
}

export function shiftCorrelationsBothWays(values: Float64Array, expected: Float64Array, from: number, to: number, k: number): BothWays {
  // Plain sums instead of three accumulator objects: this runs for every day of every meter.
  let n = 0, sx = 0, sxx = 0, s0 = 0, s00 = 0, sx0 = 0, sa = 0, saa = 0, sxa = 0, sb = 0, sbb = 0, sxb = 0;
  for (let j = Math.max(from, k); j < Math.min(to, values.length - k); j++) {
    const v = values[j];
    if (v !== v) continue;
    const e0 = expected[j];
    const ea = expected[j - k];
    const eb = expected[j + k];
    n++;
    sx += v;
    sxx += v * v;
    s0 += e0;
    s00 += e0 * e0;
    sx0 += v * e0;
    sa += ea;
    saa += ea * ea;
    sxa += v * ea;
    sb += eb;
    sbb += eb * eb;
    sxb += v * eb;
  }
  const r = (sy: number, syy: number, sxy: number) => pearson(n, sx, sxx, sy, syy, sxy);
  return { base: r(s0, s00, sx0), ahead: r(sa, saa, sxa), behind: r(sb, sbb, sxb) };
}

/** Correlation of `values[from..to)` with the expectation as is and with it shifted by `shiftSteps`. */
export interface ShiftCorrelation {
  readonly base: number;
  readonly shifted: number;
  /** The values are all equal (zeros of an idle pump): no profile can say anything about a shift. */
  readonly flat: boolean;
}

/**
 * `shifted` compares `values[j]` with `expected[j - shiftSteps]`: a positive shift means readings are
 * stamped late (the value at slot j belongs to slot j - shiftSteps).
 */
export function shiftCorrelation(values: Float64Array, expected: Float64Array, from: number, to: number, shiftSteps: number): ShiftCorrelation {
  const base = new CorrelationSums();
  const shifted = new CorrelationSums();
  const lo = Math.max(from, shiftSteps);
  const hi = Math.min(to, values.length + shiftSteps);
  for (let j = lo; j < hi; j++) {
    const v = values[j];
    if (v !== v) continue;
    base.add(v, expected[j]);
    shifted.add(v, expected[j - shiftSteps]);
  }
  return { base: base.value(), shifted: shifted.value(), flat: base.n > 0 && base.n * base.sxx - base.sx * base.sx <= 1e-12 * base.n * base.sxx };
}
