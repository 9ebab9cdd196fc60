/**
 * Daily shape templates and the per-customer lookup tables sampled from them.
 *
 * A template is a list of equally spaced values through the day (24 values = hourly); value i
 * describes the middle of its period, and the curve is linear and cyclic between values.
 */
export type DayTemplate = readonly number[];

export interface SampleOptions {
  /** Minutes the customer's routine runs later (positive) or earlier (negative) than the template. */
  readonly shiftMinutes: number;
  /** Multiplicative per-hour factors (24 values) applied to the template points, or none. */
  readonly hourlyJitter?: readonly number[];
  readonly scale: number;
}

/** Samples `template` at the middle of each of `stepsPerDay` slots into out[offset …]. */
export function sampleTemplate(template: DayTemplate, stepsPerDay: number, options: SampleOptions, out: Float32Array, offset: number): void {
  const points = template.length;
  const pointMinutes = 1440 / points;
  const slotMinutes = 1440 / stepsPerDay;
  const jitter = options.hourlyJitter;
  const value = (i: number): number => {
    const k = ((i % points) + points) % points;
    return template[k] * (jitter ? jitter[Math.floor((k * jitter.length) / points)] : 1);
  };
  for (let s = 0; s < stepsPerDay; s++) {
    const x = ((s + 0.5) * slotMinutes - options.shiftMinutes) / pointMinutes - 0.5;
    const lower = Math.floor(x);
    const a = value(lower);
    out[offset + s] = options.scale * (a + (value(lower + 1) - a) * (x - lower));
  }
}

/** Repeats a value `n` times: for writing flat stretches of templates. */
export function flat(value: number, n: number): number[] {
  return new Array<number>(n).fill(value);
}

/**
 * Adds a constant power over a span of intervals with fractional ends: `kwhPerStep` for each whole
 * interval covered from fractional index `start` for `length` intervals, clipped to the series.
 */
export function addBlock(out: Float64Array, start: number, length: number, kwhPerStep: number): void {
  const end = Math.min(out.length, start + length);
  let t = Math.max(0, Math.floor(start));
  for (; t < end; t++) {
    const covered = Math.min(t + 1, end) - Math.max(t, start);
    if (covered > 0) out[t] += kwhPerStep * covered;
  }
}

/** Standard capacities (kVA) used for contract capacity: residential sizes, then transformer sizes. */
export const standardCapacitiesKva: readonly number[] = [
  4, 6, 8, 10, 12, 16, 20, 25, 32, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500,
  3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000,
];

/** The smallest standard capacity at least `kva`, limited to [min, max] of the archetype's range. */
export function standardCapacity(kva: number, range: readonly [number, number]): number {
  const inRange = standardCapacitiesKva.filter((c) => c >= range[0] && c <= range[1]);
  const choices = inRange.length > 0 ? inRange : [range[0]];
  return choices.find((c) => c >= kva) ?? choices[choices.length - 1];
}
