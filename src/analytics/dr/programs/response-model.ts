import type { Mulberry32 } from '../../ml/random.js';

/** How a targeted customer responds in simulation. */
export interface ResponseModelParams {
  /** Share of the shiftable kW shed by a responding customer: uniform in [min, max]. */
  readonly depthMin: number;
  readonly depthMax: number;
  /** Share of the shed energy consumed again in the hours after the event (snap-back). */
  readonly reboundShare: number;
  readonly reboundHours: number;
}

export const defaultResponseParams: ResponseModelParams = { depthMin: 0.3, depthMax: 0.8, reboundShare: 0.5, reboundHours: 2 };

export interface SimulatedResponse {
  readonly responded: boolean;
  /** The event day's load after the response (a copy). */
  readonly actual: Float64Array;
  /** kWh removed per event interval (index 0 = the window's first interval). */
  readonly reductionKwh: Float64Array;
}

/**
 * Applies a response to one customer's event day: with probability `likelihood` the customer sheds
 * a random share of its shiftable kW in every event interval (never below its base load), and part
 * of the energy comes back after the event.
 */
export function simulateResponse(day: Float64Array, spec: {
  readonly startStep: number; readonly endStep: number; readonly intervalMinutes: number;
  readonly shiftableKw: number; readonly baseKw: number; readonly likelihood: number; readonly rng: Mulberry32;
}, params: ResponseModelParams = defaultResponseParams): SimulatedResponse {
  const actual = Float64Array.from(day);
  const reductionKwh = new Float64Array(spec.endStep - spec.startStep);
  const responded = spec.rng.next() < spec.likelihood;
  const depth = params.depthMin + (params.depthMax - params.depthMin) * spec.rng.next();
  if (!responded) return { responded, actual, reductionKwh };
  const hours = spec.intervalMinutes / 60;
  const target = depth * spec.shiftableKw * hours;
  const floor = spec.baseKw * hours;
  let shed = 0;
  for (let s = spec.startStep; s < spec.endStep; s++) {
    const cut = Math.max(0, Math.min(target, actual[s] - floor));
    actual[s] -= cut;
    reductionKwh[s - spec.startStep] = cut;
    shed += cut;
  }
  const reboundSteps = Math.min(actual.length - spec.endStep, Math.round(params.reboundHours / hours));
  for (let s = spec.endStep; s < spec.endStep + reboundSteps; s++) actual[s] += (shed * params.reboundShare) / reboundSteps;
  return { responded, actual, reductionKwh };
}
