import type { EventWindow } from '../baselines/baseline.js';
import type { DayLoadMatrix } from '../baselines/day-load-matrix.js';
import { eligibleDays } from '../baselines/eligible-days.js';

/** Typed parameters of targeting, with defaults. */
export interface TargetingParams {
  /** Recent like days whose event-window load is averaged. */
  readonly days: number;
  readonly lookbackDays: number;
  /** Engagement prior: likelihood = floor + span × (1 − exp(−events / scale)). */
  readonly priorFloor: number;
  readonly priorSpan: number;
  readonly engagementScale: number;
  /** Weight of the prior in pseudo-events when past responses update it (Beta–binomial). */
  readonly priorWeight: number;
}

export const defaultTargetingParams: TargetingParams = { days: 10, lookbackDays: 60, priorFloor: 0.15, priorSpan: 0.6, engagementScale: 10, priorWeight: 4 };

export interface TargetingInput {
  readonly customerId: string;
  /** Recent history through the event day (the event day's own values may be missing). */
  readonly load: DayLoadMatrix;
  /** App/web events of the customer over the engagement period (logins, usage views, offer clicks). */
  readonly engagementEvents: number;
  /** Past DR events the customer was targeted in, and those with a delivered reduction. */
  readonly pastEvents: number;
  readonly pastResponses: number;
}

export interface TargetingScore {
  readonly customerId: string;
  readonly windowKw: number;
  readonly baseKw: number;
  readonly shiftableKw: number;
  readonly responseLikelihood: number;
  /** Expected delivered kW: shiftable × likelihood. */
  readonly scoreKw: number;
  /** Like days the load figures come from (0 = no usable history: score 0). */
  readonly days: number;
}

/**
 * Expected shiftable peak kW from the customer's own intervals: mean load in the event window on
 * the recent eligible like days of the event day, minus base load (mean of each day's lowest
 * interval), floored at 0. Response likelihood: an engagement prior updated by past responses.
 */
export function scoreCustomer(input: TargetingInput, eventDay: number, window: EventWindow, params: TargetingParams = defaultTargetingParams): TargetingScore {
  const { load } = input;
  const likelihood = responseLikelihood(input, params);
  const dayIndex = load.dayIndex(eventDay);
  const days = dayIndex >= 0 ? eligibleDays(load, dayIndex, { count: params.days, lookbackDays: params.lookbackDays }) : [];
  if (days.length === 0) return { customerId: input.customerId, windowKw: 0, baseKw: 0, shiftableKw: 0, responseLikelihood: likelihood, scoreKw: 0, days: 0 };
  const toKw = 60 / load.intervalMinutes;
  const [from, to] = [load.stepOf(window.startMinute), load.stepOf(window.endMinute)];
  let windowSum = 0, baseSum = 0;
  for (const d of days) {
    const values = load.day(d);
    let w = 0, min = Infinity;
    for (let s = 0; s < values.length; s++) {
      if (s >= from && s < to) w += values[s];
      min = Math.min(min, values[s]);
    }
    windowSum += w / (to - from);
    baseSum += Math.max(0, min);
  }
  const windowKw = (windowSum / days.length) * toKw;
  const baseKw = (baseSum / days.length) * toKw;
  const shiftableKw = Math.max(0, windowKw - baseKw);
  return { customerId: input.customerId, windowKw, baseKw, shiftableKw, responseLikelihood: likelihood, scoreKw: shiftableKw * likelihood, days: days.length };
}

export function responseLikelihood(input: Pick<TargetingInput, 'engagementEvents' | 'pastEvents' | 'pastResponses'>, params: TargetingParams = defaultTargetingParams): number {
  const prior = params.priorFloor + params.priorSpan * (1 - Math.exp(-Math.max(0, input.engagementEvents) / params.engagementScale));
  return (prior * params.priorWeight + input.pastResponses) / (params.priorWeight + input.pastEvents);
}

/** Ranks scores best first (ties by customer id) and keeps those with a positive expected kW. */
export function rankTargets(scores: readonly TargetingScore[], limit: number): TargetingScore[] {
  return scores.filter((s) => s.scoreKw > 0).sort((a, b) => b.scoreKw - a.scoreKw || a.customerId.localeCompare(b.customerId)).slice(0, limit);
}
