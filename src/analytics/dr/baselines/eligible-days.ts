import { DayKind } from '../../../core/time/index.js';
import type { DayLoadMatrix } from './day-load-matrix.js';

/**
 * The most recent like days before an event day, newest first: same group (workday, or
 * weekend/holiday), not an event day (nor a listed prior-event, outage or other excluded day), and
 * with a reading in every interval. At most `count` days, searched `lookbackDays` back.
 */
export function eligibleDays(load: DayLoadMatrix, eventDayIndex: number, options: {
  readonly count: number; readonly lookbackDays: number; readonly excludedDays?: ReadonlySet<number>;
}): number[] {
  const group = isWorkday(load.dayKinds[eventDayIndex]);
  const found: number[] = [];
  const stop = Math.max(0, eventDayIndex - options.lookbackDays);
  for (let d = eventDayIndex - 1; d >= stop && found.length < options.count; d--) {
    if (isWorkday(load.dayKinds[d]) !== group) continue;
    if (options.excludedDays?.has(load.firstDay + d)) continue;
    if (!load.isComplete(d)) continue;
    found.push(d);
  }
  return found;
}

export function isWorkday(kind: number): boolean {
  return kind === DayKind.workday;
}
