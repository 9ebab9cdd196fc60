import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { DayKind, isoDateOfEpochDay, WorkCalendar } from '../../core/time/index.js';
import { parseWith } from '../ml/index.js';

export const DUNNING_ACTIONS = ['sms', 'wechat', 'call', 'written-notice', 'disconnection-notice', 'disconnection'] as const;
export type DunningAction = (typeof DUNNING_ACTIONS)[number];

/** One step of the dunning policy: an action some days after the due date, from a minimum risk. */
export const DunningStep = z.object({
  action: z.enum(DUNNING_ACTIONS),
  daysAfterDue: z.number().int().min(0),
  /** Skip the step for customers whose probability of default is below this. */
  minPd: z.number().min(0).max(1).default(0),
});
export type DunningStep = z.output<typeof DunningStep>;

/**
 * The dunning policy. The default follows common practice at Chinese grid companies: SMS and
 * WeChat reminders, a call for risky accounts, a written payment notice (催费通知单), then a
 * disconnection notice that must precede any disconnection by `noticeDays` (the legal notice period).
 */
export const DunningPolicy = z.object({
  steps: z.array(DunningStep).min(1).default([
    { action: 'sms', daysAfterDue: 1, minPd: 0 },
    { action: 'wechat', daysAfterDue: 5, minPd: 0 },
    { action: 'call', daysAfterDue: 10, minPd: 0.2 },
    { action: 'written-notice', daysAfterDue: 20, minPd: 0 },
    { action: 'disconnection-notice', daysAfterDue: 30, minPd: 0.3 },
    { action: 'disconnection', daysAfterDue: 37, minPd: 0.3 },
  ]),
  /** Working days between a disconnection notice and the disconnection. */
  noticeDays: z.number().int().min(1).default(7),
});
export type DunningPolicy = z.output<typeof DunningPolicy>;
export type DunningPolicyInput = z.input<typeof DunningPolicy>;

export interface PlannedAction {
  readonly step: number;
  readonly action: DunningAction;
  /** ISO local date, a working day. */
  readonly date: string;
  /** `past` when the date is before the as-of day, `due` on it, `planned` after it. */
  readonly status: 'past' | 'due' | 'planned';
}

export function parseDunningPolicy(input: DunningPolicyInput = {}): DunningPolicy {
  return parseWith(DunningPolicy, input, 'dunning policy');
}

/**
 * The dunning steps of one overdue bill: each on the first working day (statutory holidays and
 * 调休 respected) on or after due + daysAfterDue; a disconnection never earlier than `noticeDays`
 * working days after its notice; steps below the customer's PD are skipped.
 */
export function planDunning(dueDay: number, pdDefault: number, asOfDay: number, policy: DunningPolicy, calendar = new WorkCalendar()): PlannedAction[] {
  if (!Number.isInteger(dueDay)) throw new ValidationError(`due day ${dueDay} is not a day number`);
  const out: PlannedAction[] = [];
  let noticeDay: number | null = null;
  for (const step of policy.steps) {
    if (pdDefault < step.minPd) continue;
    let day = nextWorkday(dueDay + step.daysAfterDue, calendar);
    if (step.action === 'disconnection') {
      if (noticeDay === null) continue;
      day = Math.max(day, addWorkdays(noticeDay, policy.noticeDays, calendar));
    }
    if (step.action === 'disconnection-notice') noticeDay = day;
    const status = day < asOfDay ? 'past' : day === asOfDay ? 'due' : 'planned';
    out.push({ step: out.length + 1, action: step.action, date: isoDateOfEpochDay(day), status });
  }
  return out;
}

function nextWorkday(day: number, calendar: WorkCalendar): number {
  let d = day;
  while (calendar.dayKind(d) !== DayKind.workday) d++;
  return d;
}

function addWorkdays(day: number, n: number, calendar: WorkCalendar): number {
  let d = day;
  for (let left = n; left > 0; ) {
    d++;
    if (calendar.dayKind(d) === DayKind.workday) left--;
  }
  return d;
}
