import { Channel, type ChannelCode } from '../../core/schemas/meter.js';
import type { Rng } from '../rng.js';
import type { FaultParamsByType, FaultPlan, FaultType, PlannedFault } from './fault-types.js';
import { assertDays, stepsPerHourOf } from './series-shape.js';

/** Expected number of faults of each type per meter-year (365 days). */
export type FaultRates = Readonly<Record<FaultType, number>>;

/**
 * Defaults for a fleet whose collection success rate is above 99% (an assumption, not a measured rate):
 * short gaps about monthly, a multi-day communication loss every other year, a few spikes and
 * re-deliveries a year, and rare stuck registers, clock faults and sign errors.
 */
export const defaultFaultRates: FaultRates = {
  gap: 12,
  comm_loss: 0.5,
  spike: 2,
  stuck: 0.3,
  duplicate: 6,
  clock_shift: 0.5,
  negative: 0.5,
};

export interface FaultPlanOptions {
  /** Sign errors are drawn only on the import channel (export and net channels may be negative). */
  readonly channel?: ChannelCode;
  /** Share of duplicate deliveries that are corrected re-sends with a different value. */
  readonly correctedDuplicateShare?: number;
}

/** Clean intervals kept between two faults, so each interval belongs to at most one label. */
export const faultGuardSteps = 1;
const placementAttempts = 32;

/** Long faults first: they are the hardest to fit. */
const placementOrder: readonly FaultType[] = ['comm_loss', 'clock_shift', 'stuck', 'gap', 'duplicate', 'negative', 'spike'];

/**
 * Length range in steps of each fault: gaps up to 2 h (the linear-interpolation limit), a
 * communication loss of 1–3 days, a stuck register for 24–72 h, a clock shift for 1–5 days,
 * duplicates and sign errors on runs of 1–4 intervals, spikes on one.
 */
export function faultSpanSteps(faultType: FaultType, stepsPerHour: number): readonly [number, number] {
  const spans: Record<FaultType, readonly [number, number]> = {
    gap: [1, 2 * stepsPerHour],
    comm_loss: [24 * stepsPerHour, 72 * stepsPerHour],
    spike: [1, 1],
    stuck: [24 * stepsPerHour, 72 * stepsPerHour],
    duplicate: [1, 4],
    clock_shift: [24 * stepsPerHour, 120 * stepsPerHour],
    negative: [1, 4],
  };
  return spans[faultType];
}

/**
 * Draws the faults of one meter over `days` days: a Poisson count per type from `rates`, each
 * placed at a random position that keeps `faultGuardSteps` clean intervals from every other fault.
 * A fault that finds no room is dropped, so very high rates saturate.
 */
export function drawFaultPlan(
  rng: Rng,
  days: number,
  stepsPerDay: number,
  rates: Partial<FaultRates> = {},
  options: FaultPlanOptions = {},
): FaultPlan {
  assertDays(days);
  const stepsPerHour = stepsPerHourOf(stepsPerDay);
  const r: FaultRates = { ...defaultFaultRates, ...rates, ...((options.channel ?? Channel.import) === Channel.import ? {} : { negative: 0 }) };
  const length = days * stepsPerDay;
  const faults: PlannedFault[] = [];
  for (const faultType of placementOrder) {
    const count = rng.poisson((r[faultType] * days) / 365);
    for (let k = 0; k < count; k++) {
      const range = placeRange(rng, faults, faultSpanSteps(faultType, stepsPerHour), length);
      if (range) faults.push({ faultType, ...range, params: drawParams(faultType, rng, stepsPerHour, options) } as PlannedFault);
    }
  }
  return { faults: faults.sort((a, b) => a.startIndex - b.startIndex) };
}

function placeRange(rng: Rng, taken: readonly PlannedFault[], [min, max]: readonly [number, number], length: number) {
  const steps = rng.int(min, max);
  if (steps > length) return undefined;
  for (let attempt = 0; attempt < placementAttempts; attempt++) {
    const startIndex = rng.int(0, length - steps);
    const endIndex = startIndex + steps;
    if (taken.every((f) => endIndex + faultGuardSteps <= f.startIndex || f.endIndex + faultGuardSteps <= startIndex)) {
      return { startIndex, endIndex };
    }
  }
  return undefined;
}

function drawParams<T extends FaultType>(faultType: T, rng: Rng, stepsPerHour: number, options: FaultPlanOptions): FaultParamsByType[T] {
  const drawers: { [K in FaultType]: () => FaultParamsByType[K] } = {
    gap: () => ({}),
    comm_loss: () => ({}),
    spike: () => ({ factor: rng.uniform(10, 50) }),
    stuck: () => ({}),
    duplicate: () => ({ corrected: rng.chance(options.correctedDuplicateShare ?? 0.3) }),
    clock_shift: () => ({ shiftSteps: rng.chance(0.5) ? stepsPerHour : -stepsPerHour }),
    negative: () => ({}),
  };
  return drawers[faultType]();
}
