import { ValidationError } from '../../../core/errors.js';
import { baselineParamsSchema, type BaselineParams, type BaselineParamsInput, type DaySelection } from './baseline-params.js';
import type { BaselineInput, BaselineMethod, BaselineOutcome } from './baseline.js';
import { applyDayOfAdjustment } from './day-of-adjustment.js';
import type { DayLoadMatrix } from './day-load-matrix.js';
import { eligibleDays, isWorkday } from './eligible-days.js';

/**
 * The X-of-Y family of customer baselines (DOMAIN.md §2): the Y most recent eligible like days,
 * X of them chosen by a rule, averaged interval by interval, then optionally adjusted to the
 * event day's load before the event.
 */
export class XOfYBaseline implements BaselineMethod {
  readonly params: BaselineParams;
  readonly needsTemperature: boolean;

  constructor(readonly name: string, readonly description: string, params: BaselineParamsInput) {
    this.params = baselineParamsSchema.parse(params);
    this.needsTemperature = this.params.workday.rule === 'closest-temperature' || this.params.nonWorkday.rule === 'closest-temperature';
  }

  compute(input: BaselineInput): BaselineOutcome {
    const { load } = input;
    const eventIndex = load.dayIndex(input.eventDay);
    if (eventIndex < 0) throw new ValidationError(`baseline ${this.name}: event day ${input.eventDay} is outside the load data`, { eventDay: input.eventDay });
    const startStep = load.stepOf(input.window.startMinute);
    const endStep = load.stepOf(input.window.endMinute);
    if (!(startStep < endStep && endStep <= load.stepsPerDay)) {
      throw new ValidationError(`baseline ${this.name}: event window ${input.window.startMinute}–${input.window.endMinute} min is empty or crosses midnight`, { ...input.window });
    }
    const selection = isWorkday(load.dayKinds[eventIndex]) ? this.params.workday : this.params.nonWorkday;
    const candidates = eligibleDays(load, eventIndex, { count: selection.y, lookbackDays: this.params.lookbackDays, excludedDays: input.excludedDays });
    const required = Math.min(selection.y, this.params.minDays ?? selection.y);
    if (candidates.length < required || candidates.length < selection.x) {
      return { kind: 'insufficient', method: this.name, reason: 'eligible-days', eligibleDays: candidates.length, required: Math.max(required, selection.x) };
    }
    if (selection.rule === 'closest-temperature' && input.dailyTemperature && Number.isNaN(input.dailyTemperature[eventIndex])) {
      return { kind: 'insufficient', method: this.name, reason: 'temperature', eligibleDays: candidates.length, required: Math.max(required, selection.x) };
    }
    const chosen = chooseDays(load, candidates, selection, { startStep, endStep, eventIndex, temperature: input.dailyTemperature });
    const kwh = averageDays(load, chosen);
    const perHour = 60 / load.intervalMinutes;
    const { fromHoursBefore, toHoursBefore } = this.params.adjustment;
    const window = { fromStep: startStep - Math.round(fromHoursBefore * perHour), toStep: startStep - Math.round(toHoursBefore * perHour) };
    const adjustment = applyDayOfAdjustment(kwh, load.day(eventIndex), window, this.params.adjustment);
    return { kind: 'baseline', method: this.name, kwh, startStep, endStep, days: chosen.map((d) => load.firstDay + d), adjustment };
  }
}

interface SelectionContext {
  readonly startStep: number;
  readonly endStep: number;
  readonly eventIndex: number;
  readonly temperature?: Float64Array;
}

/** Applies the selection rule to the candidate days (newest first); returns matrix day indexes. */
export function chooseDays(load: DayLoadMatrix, candidates: readonly number[], selection: DaySelection, ctx: SelectionContext): number[] {
  const y = Math.min(selection.y, candidates.length);
  const pool = candidates.slice(0, y);
  const x = Math.min(selection.x, pool.length);
  if (selection.rule === 'average' || x === pool.length) return pool;
  if (selection.rule === 'closest-temperature') {
    const t = ctx.temperature;
    if (!t || Number.isNaN(t[ctx.eventIndex])) throw new ValidationError('weather-matched baseline: no temperature for the event day', { eventDay: load.firstDay + ctx.eventIndex });
    const distance = (d: number) => (Number.isNaN(t[d]) ? Infinity : Math.abs(t[d] - t[ctx.eventIndex]));
    return [...pool].sort((a, b) => distance(a) - distance(b) || b - a).slice(0, x);
  }
  const byLoad = [...pool].sort((a, b) => windowMean(load, b, ctx) - windowMean(load, a, ctx) || b - a);
  if (selection.rule === 'highest') return byLoad.slice(0, x);
  const drop = (pool.length - x) / 2;
  return byLoad.slice(Math.floor(drop), Math.floor(drop) + x);
}

function windowMean(load: DayLoadMatrix, day: number, ctx: { startStep: number; endStep: number }): number {
  const values = load.day(day);
  let sum = 0;
  for (let s = ctx.startStep; s < ctx.endStep; s++) sum += values[s];
  return sum / (ctx.endStep - ctx.startStep);
}

function averageDays(load: DayLoadMatrix, days: readonly number[]): Float64Array {
  const out = new Float64Array(load.stepsPerDay);
  for (const d of days) {
    const values = load.day(d);
    for (let s = 0; s < out.length; s++) out[s] += values[s];
  }
  for (let s = 0; s < out.length; s++) out[s] /= days.length;
  return out;
}
