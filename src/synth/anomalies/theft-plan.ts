import type { Rng } from '../rng.js';
import { assertDays, stepsPerHourOf } from './series-shape.js';
import { theftFamilyNames, type Span, type TheftFamily, type TheftParamsByFamily, type TheftPlan } from './theft-families.js';

/** How thefts are drawn. Every field has a default in `defaultTheftOptions`. */
export interface TheftOptions {
  /** Relative frequency of each family among thieves. */
  readonly familyWeights: Readonly<Record<TheftFamily, number>>;
  /** The start day is drawn uniformly in this share of the series, leaving honest history before it. */
  readonly startWithin: Span;
  /** Probability that the theft runs to the end of the series; otherwise it lasts `windowDays`. */
  readonly untilEndProbability: number;
  readonly windowDays: Span;
  /** h1 factor α. Jokar et al. use [0.1, 0.8]; the default keeps theft at 30–80% of consumption. */
  readonly alpha: Span;
  readonly h2WindowHours: Span;
  readonly h3Factor: Span;
  readonly h4Share: Span;
  /** Share of the load wired around the meter. */
  readonly bypassShare: Span;
}

/**
 * Defaults: bypass and h1 (a tampered meter under-registering) dominate, as in field inspections;
 * h5 and h6 steal no energy, only shift it in time, so they are rare. Typical thieves report
 * 20–70% of what they use.
 */
export const defaultTheftOptions: TheftOptions = {
  familyWeights: { h1: 0.25, h2: 0.12, h3: 0.1, h4: 0.1, h5: 0.04, h6: 0.04, bypass: 0.35 },
  startWithin: [0.15, 0.85],
  untilEndProbability: 0.7,
  windowDays: [60, 365],
  alpha: [0.2, 0.7],
  h2WindowHours: [4, 10],
  h3Factor: [0.1, 0.8],
  h4Share: [0.1, 0.8],
  bypassShare: [0.5, 0.9],
};

/**
 * Draws one meter's theft for a series of `days` local days. Start and end fall on day boundaries:
 * the theft begins on a random date and runs to the end or for a long window.
 */
export function drawTheft(rng: Rng, days: number, stepsPerDay: number, options: Partial<TheftOptions> = {}): TheftPlan {
  assertDays(days);
  stepsPerHourOf(stepsPerDay);
  const o: TheftOptions = { ...defaultTheftOptions, ...options };
  const family = theftFamilyNames[rng.weightedIndex(theftFamilyNames.map((name) => o.familyWeights[name]))];
  const [startDay, endDay] = drawDays(rng, days, o);
  return { family, startIndex: startDay * stepsPerDay, endIndex: endDay * stepsPerDay, params: drawParams(family, rng, o) } as TheftPlan;
}

function drawDays(rng: Rng, days: number, o: TheftOptions): [number, number] {
  const first = Math.min(days - 1, Math.floor(o.startWithin[0] * days));
  const last = Math.min(days - 1, Math.max(first, Math.floor(o.startWithin[1] * days)));
  const startDay = rng.int(first, last);
  if (rng.chance(o.untilEndProbability)) return [startDay, days];
  const length = rng.int(Math.round(o.windowDays[0]), Math.round(o.windowDays[1]));
  return [startDay, Math.min(days, startDay + Math.max(1, length))];
}

function drawParams<F extends TheftFamily>(family: F, rng: Rng, o: TheftOptions): TheftParamsByFamily[F] {
  const drawers: { [K in TheftFamily]: () => TheftParamsByFamily[K] } = {
    h1: () => ({ alpha: rng.uniform(o.alpha[0], o.alpha[1]) }),
    h2: () => ({ windowHours: o.h2WindowHours }),
    h3: () => ({ factor: o.h3Factor }),
    h4: () => ({ share: o.h4Share }),
    h5: () => ({}),
    h6: () => ({}),
    bypass: () => ({ share: rng.uniform(o.bypassShare[0], o.bypassShare[1]) }),
  };
  return drawers[family]();
}
