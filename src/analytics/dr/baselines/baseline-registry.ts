import { NotFoundError } from '../../../core/errors.js';
import type { BaselineMethod } from './baseline.js';
import { XOfYBaseline } from './x-of-y-baseline.js';

/**
 * The baselines of DOMAIN.md §2 with their published parameters. Where the source leaves a choice
 * open, the choice is stated in the description and in docs/demand-response.md.
 */
const methods: readonly BaselineMethod[] = [
  new XOfYBaseline('pge-5-of-10',
    'PG&E residential: the 5 highest (by event-window load) of the last 10 eligible weekdays; weekends and holidays: 3 highest of the last 5; no adjustment',
    { workday: { rule: 'highest', x: 5, y: 10 }, nonWorkday: { rule: 'highest', x: 3, y: 5 } }),
  new XOfYBaseline('pge-10-in-10',
    'Unadjusted 10-in-10: mean of the last 10 eligible weekdays; weekends and holidays: mean of the last 4',
    { workday: { rule: 'average', x: 10, y: 10 }, nonWorkday: { rule: 'average', x: 4, y: 4 } }),
  new XOfYBaseline('miso-10-day',
    'MISO ten-day: mean of the previous 10 eligible weekdays (weekends and holidays: last 4 like days), multiplicative same-day adjustment from the 3 hours before the event, capped at ±20%',
    { workday: { rule: 'average', x: 10, y: 10 }, nonWorkday: { rule: 'average', x: 4, y: 4 }, adjustment: { kind: 'multiplicative', fromHoursBefore: 3, toHoursBefore: 0, cap: 0.2 } }),
  new XOfYBaseline('caiso-10-in-10',
    'CAISO-style 10-in-10 (weekends and holidays 4-in-4) with an additive day-of adjustment from hours 4 to 2 before the event start, capped at ±20% of the baseline',
    { workday: { rule: 'average', x: 10, y: 10 }, nonWorkday: { rule: 'average', x: 4, y: 4 }, adjustment: { kind: 'additive', fromHoursBefore: 4, toHoursBefore: 1, cap: 0.2 } }),
  new XOfYBaseline('caiso-10-in-10-mult',
    'CAISO-style 10-in-10 (weekends and holidays 4-in-4) with a multiplicative day-of adjustment from hours 4 to 2 before the event start, capped at ±20%',
    { workday: { rule: 'average', x: 10, y: 10 }, nonWorkday: { rule: 'average', x: 4, y: 4 }, adjustment: { kind: 'multiplicative', fromHoursBefore: 4, toHoursBefore: 1, cap: 0.2 } }),
  new XOfYBaseline('ercot-middle-8-of-10',
    'ERCOT: middle 8 of the 10 preceding like days (highest and lowest by event-window load dropped); weekends and holidays the same rule',
    { workday: { rule: 'middle', x: 8, y: 10 }, nonWorkday: { rule: 'middle', x: 8, y: 10 }, lookbackDays: 120 }),
  new XOfYBaseline('weather-matched-5-of-10',
    'Weather matching (Oracle CPM "X of Y chosen by temperature"): the 5 of the last 10 eligible like days whose mean temperature is closest to the event day\'s; weekends and holidays 3 of 5',
    { workday: { rule: 'closest-temperature', x: 5, y: 10 }, nonWorkday: { rule: 'closest-temperature', x: 3, y: 5 } }),
  new XOfYBaseline('previous-day',
    'Naive reference: the previous eligible like day, unadjusted',
    { workday: { rule: 'average', x: 1, y: 1 }, nonWorkday: { rule: 'average', x: 1, y: 1 } }),
];

/** Baseline methods by name. */
export const baselineRegistry: ReadonlyMap<string, BaselineMethod> = new Map(methods.map((m) => [m.name, m]));

/** The naive method every other is compared with. */
export const NAIVE_BASELINE = 'previous-day';

/** Default baseline of a programme that names none. */
export const DEFAULT_BASELINE = 'caiso-10-in-10';

export function baselineMethod(name: string): BaselineMethod {
  const method = baselineRegistry.get(name);
  if (!method) throw new NotFoundError('baseline method', `${name} (known: ${[...baselineRegistry.keys()].join(', ')})`);
  return method;
}

export function baselineNames(): string[] {
  return [...baselineRegistry.keys()];
}
