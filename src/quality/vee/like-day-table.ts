import { DayKind, weekdayOfEpochDay, type WorkCalendar } from '../../core/time/index.js';

/**
 * Itron's two-week like-day table: days back from the target, in order of preference, by weekday
 * (0 = Sunday; weeks start on Sunday, so "this week's Tuesday" of a Thursday is 2 days back).
 */
export const likeDayOffsets: Readonly<Record<number, readonly number[]>> = {
  1: [7, 14], // Monday: prior Monday, then Monday two weeks back
  2: [7, 6, 5], // Tuesday: prior Tue, prior Wed, prior Thu
  3: [7, 1, 8, 6], // Wednesday: prior Wed, this week's Tue, prior Tue, prior Thu
  4: [7, 1, 8, 2, 9], // Thursday: prior Thu, this week's Wed, prior Wed, this week's Tue, prior Tue
  5: [7], // Friday: same day prior week
  6: [7], // Saturday
  0: [7], // Sunday
};

/** "Same week last year": the same weekday 52 weeks back. */
export const lastYearOffset = 364;
/** The period of the two-week table. */
export const periodDays = 14;

export type LikeDayRule = 'table' | 'holiday' | 'last-year';

export interface LikeDayCandidate {
  readonly epochDay: number;
  readonly rule: LikeDayRule;
  /** Why this day, in English: `prior Monday`, `holiday in history`. */
  readonly label: string;
}

/** Reference days to try, in order, and how many of them to average (1 for weekdays, 3 for holidays). */
export interface LikeDayPlan {
  readonly candidates: readonly LikeDayCandidate[];
  readonly take: number;
}

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The plan for one target day. A non-holiday follows the table of its weekday and then falls back
 * to the same week last year; holidays are never references for it. A holiday averages `holidayReferences`
 * days taken in the order: holidays this period (the 14 days before) → holidays in history →
 * Sundays this period (this week's Sunday, then the prior Sunday) → Sundays in history, back to
 * `historyStart`; a Sunday that is a make-up working day does not count.
 */
export function likeDayPlan(day: number, calendar: WorkCalendar, historyStart: number, holidayReferences = 3): LikeDayPlan {
  if (calendar.dayKind(day) === DayKind.holiday) return { candidates: holidayCandidates(day, calendar, historyStart), take: holidayReferences };
  const weekday = weekdayOfEpochDay(day);
  const table = likeDayOffsets[weekday].map((back) => ({ epochDay: day - back, rule: 'table' as const, label: tableLabel(weekday, back) }));
  const candidates = [...table, { epochDay: day - lastYearOffset, rule: 'last-year' as const, label: 'same week last year' }];
  return { candidates: candidates.filter((c) => calendar.dayKind(c.epochDay) !== DayKind.holiday), take: 1 };
}

function tableLabel(weekday: number, back: number): string {
  const candidateWeekday = (weekday - back + 70) % 7;
  if (back === 14) return `${weekdayNames[candidateWeekday]} two weeks back`;
  return `${back < weekday + 1 ? "this week's" : 'prior'} ${weekdayNames[candidateWeekday]}`;
}

function holidayCandidates(day: number, calendar: WorkCalendar, historyStart: number): LikeDayCandidate[] {
  const isHoliday = (d: number) => calendar.dayKind(d) === DayKind.holiday;
  const isSunday = (d: number) => weekdayOfEpochDay(d) === 0 && calendar.dayKind(d) === DayKind.weekend;
  const periodStart = day - periodDays;
  const back = (from: number, to: number, keep: (d: number) => boolean, label: string): LikeDayCandidate[] => {
    const out: LikeDayCandidate[] = [];
    for (let d = from; d >= to; d--) if (keep(d)) out.push({ epochDay: d, rule: 'holiday', label });
    return out;
  };
  return [
    ...back(day - 1, periodStart, isHoliday, 'holiday this period'),
    ...back(periodStart - 1, historyStart, isHoliday, 'holiday in history'),
    ...back(day - 1, periodStart, isSunday, 'Sunday this period'),
    ...back(periodStart - 1, historyStart, isSunday, 'Sunday in history'),
  ];
}

/** The first `plan.take` candidates that `isReference` accepts. */
export function selectReferenceDays(plan: LikeDayPlan, isReference: (epochDay: number) => boolean): LikeDayCandidate[] {
  const chosen: LikeDayCandidate[] = [];
  for (const c of plan.candidates) {
    if (chosen.length === plan.take) break;
    if (isReference(c.epochDay)) chosen.push(c);
  }
  return chosen;
}
