import { isoDateOfEpochDay } from '../../core/time/index.js';
import type { Edit, EstimationState, VeeEstimator } from './edit.js';
import { likeDayPlan, selectReferenceDays, type LikeDayCandidate } from './like-day-table.js';
import { runsOf } from './runs.js';
import type { VeeContext } from './vee-context.js';
import type { VeeRules } from './vee-rules.js';

interface DayReference {
  readonly days: readonly number[];
  readonly method: string;
  readonly reason: string;
}

/**
 * Like-day estimation for pending slots left by linear interpolation: each slot takes the value at
 * the same local slot of day of its reference day (the average over 3 for a holiday), chosen by
 * `likeDayPlan` among days marked in `state.referenceDay`. Slots without a reference stay pending.
 */
export const likeDayEstimator: VeeEstimator = (_series, rules, ctx, state) => {
  const references = new Map<number, DayReference | undefined>();
  const edits: Edit[] = [];
  for (const { start, end } of runsOf(state.pending, 0, ctx.dueEnd)) {
    for (let i = start; i < end; i++) {
      const day = ctx.days.slotDay[i];
      if (!references.has(day)) references.set(day, referenceOf(day, rules, ctx, state));
      const ref = references.get(day);
      if (ref) edits.push({ index: i, original: state.original[i], value: likeValue(ctx, state, ref, i - ctx.days.start[day]), quality: 'estimated', method: ref.method, reason: ref.reason });
    }
  }
  return edits;
};

function referenceOf(day: number, rules: VeeRules, ctx: VeeContext, state: EstimationState): DayReference | undefined {
  const { days } = ctx;
  const epochDay = days.firstEpochDay + day;
  const plan = likeDayPlan(epochDay, ctx.calendar, days.firstEpochDay, rules.estimation.holidayReferenceDays);
  const usable = rules.estimation.lastYearFallback ? plan : { ...plan, candidates: plan.candidates.filter((c) => c.rule !== 'last-year') };
  const chosen = selectReferenceDays(usable, (e) => {
    const d = e - days.firstEpochDay;
    return d >= 0 && d < days.count && state.referenceDay[d] === 1;
  });
  if (chosen.length === 0) return undefined;
  return { days: chosen.map((c) => c.epochDay - days.firstEpochDay), method: methodOf(chosen[0]), reason: reasonOf(epochDay, chosen) };
}

function methodOf(c: LikeDayCandidate): string {
  return c.rule === 'table' ? 'like-day' : `like-day-${c.rule}`;
}

function reasonOf(epochDay: number, chosen: readonly LikeDayCandidate[]): string {
  const list = chosen.map((c) => `${isoDateOfEpochDay(c.epochDay)} (${c.label})`).join(', ');
  const target = isoDateOfEpochDay(epochDay);
  return chosen.length === 1 ? `like-day estimate for ${target} from ${list}` : `like-day estimate for ${target}: average of ${list}`;
}

/** Mean of the reference days' values at `slotOfDay` (clamped to a shorter DST day). */
function likeValue(ctx: VeeContext, state: EstimationState, ref: DayReference, slotOfDay: number): number {
  let sum = 0;
  for (const d of ref.days) {
    const length = ctx.days.start[d + 1] - ctx.days.start[d];
    sum += state.values[ctx.days.start[d] + Math.min(slotOfDay, length - 1)];
  }
  return sum / ref.days.length;
}
