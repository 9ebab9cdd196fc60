import { describe, expect, it } from 'vitest';
import { DayKind, epochDay, WorkCalendar } from '../../core/time/index.js';
import { parseDunningPolicy, planDunning } from './dunning-plan.js';

describe('planDunning', () => {
  const policy = parseDunningPolicy();
  const calendar = new WorkCalendar();

  it('puts every step on a working day, skips the spring festival, and keeps the legal notice period', () => {
    const due = epochDay('2026-02-15'); // 2026 spring festival: 15-23 February off
    const plan = planDunning(due, 0.9, epochDay('2026-02-20'), policy, calendar);
    expect(plan.map((p) => p.action)).toEqual(['sms', 'wechat', 'call', 'written-notice', 'disconnection-notice', 'disconnection']);
    for (const p of plan) expect(calendar.dayKind(epochDay(p.date))).toBe(DayKind.workday);
    expect(plan[0].date).toBe('2026-02-24');
    expect(plan[0].status).toBe('planned');
    const notice = epochDay(plan[4].date);
    let workdays = 0;
    for (let d = notice + 1; d <= epochDay(plan[5].date); d++) workdays += Number(calendar.dayKind(d) === DayKind.workday);
    expect(workdays).toBeGreaterThanOrEqual(policy.noticeDays);
  });

  it('leaves out the steps a low-risk customer does not need, and marks past steps', () => {
    const plan = planDunning(epochDay('2026-06-01'), 0.05, epochDay('2026-06-05'), policy, calendar);
    expect(plan.map((p) => p.action)).toEqual(['sms', 'wechat', 'written-notice']);
    expect(plan.map((p) => p.status)).toEqual(['past', 'planned', 'planned']);
  });

  it('rejects a bad policy with the field named', () => {
    expect(() => parseDunningPolicy({ steps: [{ action: 'fax' as 'sms', daysAfterDue: 1 }] })).toThrow(/steps\.0\.action/);
  });
});
