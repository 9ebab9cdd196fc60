import { BaselineAccuracyAccumulator, isWorkday, type BaselineAccuracy, type BaselineMethod, type DayLoadMatrix, type EventWindow } from '../../analytics/dr/index.js';

/** One load series scored with pseudo-events on its non-event workdays. */
export interface SeriesScore {
  readonly series: string;
  /** Pseudo-event days every method could score. */
  readonly days: number;
  /** Non-event workdays skipped because some method lacked eligible days. */
  readonly skippedDays: number;
  readonly methods: BaselineAccuracy[];
}

export interface SeriesToScore {
  readonly series: string;
  readonly load: DayLoadMatrix;
  readonly eventDays: ReadonlySet<number>;
  readonly dailyTemperature?: Float64Array;
}

/**
 * Scores each method on every complete non-event workday of the series as a pseudo-event in
 * `window`; a day counts only when every method has a baseline for it, so all methods are judged on
 * the same days. Event days are excluded both as test days and as comparison days.
 */
export function scoreSeries(input: SeriesToScore, methods: readonly BaselineMethod[], window: EventWindow): { score: SeriesScore; accumulators: BaselineAccuracyAccumulator[] } {
  const { load } = input;
  const accumulators = methods.map((m) => new BaselineAccuracyAccumulator(m));
  let days = 0, skipped = 0;
  for (let d = 0; d < load.days; d++) {
    const eventDay = load.firstDay + d;
    if (!isWorkday(load.dayKinds[d]) || input.eventDays.has(eventDay) || !load.isComplete(d)) continue;
    const baseline = { load, eventDay, window, excludedDays: input.eventDays, dailyTemperature: input.dailyTemperature };
    const outcomes = methods.map((m) => m.compute(baseline));
    if (outcomes.some((o) => o.kind !== 'baseline')) {
      skipped++;
      continue;
    }
    const actual = load.day(d);
    outcomes.forEach((o, i) => o.kind === 'baseline' && accumulators[i].add(o, actual));
    days++;
  }
  return { score: { series: input.series, days, skippedDays: skipped, methods: accumulators.map((a) => a.result()) }, accumulators };
}

/** Daily mean of a per-interval series (NaN when any interval is missing). */
export function dailyMeans(values: Float64Array, stepsPerDay: number): Float64Array {
  const out = new Float64Array(values.length / stepsPerDay);
  for (let d = 0; d < out.length; d++) {
    let sum = 0;
    for (let s = 0; s < stepsPerDay; s++) sum += values[d * stepsPerDay + s];
    out[d] = sum / stepsPerDay;
  }
  return out;
}
