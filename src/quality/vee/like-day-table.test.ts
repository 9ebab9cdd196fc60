import { describe, expect, it } from 'vitest';
import { WorkCalendar, epochDay, isoDateOfEpochDay } from '../../core/time/index.js';
import { likeDayPlan, selectReferenceDays } from './like-day-table.js';

const calendar = new WorkCalendar();
const history = epochDay('2023-01-01');
const dates = (iso: string, valid: (d: string) => boolean = () => true) => {
  const plan = likeDayPlan(epochDay(iso), calendar, history);
  return { all: plan.candidates.map((c) => isoDateOfEpochDay(c.epochDay)), labels: plan.candidates.map((c) => c.label), take: plan.take, chosen: selectReferenceDays(plan, (d) => valid(isoDateOfEpochDay(d))).map((c) => isoDateOfEpochDay(c.epochDay)) };
};

describe('likeDayPlan (Itron two-week table)', () => {
  it.each([
    ['2024-03-11', 'Monday', ['2024-03-04', '2024-02-26', '2023-03-13']],
    ['2024-03-12', 'Tuesday', ['2024-03-05', '2024-03-06', '2024-03-07', '2023-03-14']],
    ['2024-03-13', 'Wednesday', ['2024-03-06', '2024-03-12', '2024-03-05', '2024-03-07', '2023-03-15']],
    ['2024-03-14', 'Thursday', ['2024-03-07', '2024-03-13', '2024-03-06', '2024-03-12', '2024-03-05', '2023-03-16']],
    ['2024-03-15', 'Friday', ['2024-03-08', '2023-03-17']],
    ['2024-03-16', 'Saturday', ['2024-03-09', '2023-03-18']],
    ['2024-03-17', 'Sunday', ['2024-03-10', '2023-03-19']],
  ])('%s (%s) tries the table in order, then the same week last year', (iso, _weekday, expected) => {
    const plan = dates(iso);
    expect(plan.all).toEqual(expected);
    expect(plan.take).toBe(1);
  });

  it('labels the choices the way the table names them', () => {
    expect(dates('2024-03-14').labels).toEqual(['prior Thursday', "this week's Wednesday", 'prior Wednesday', "this week's Tuesday", 'prior Tuesday', 'same week last year']);
    expect(dates('2024-03-11').labels.slice(0, 2)).toEqual(['prior Monday', 'Monday two weeks back']);
  });

  it('takes the first validated reference and never a holiday for a working day', () => {
    expect(dates('2024-03-14', (d) => d !== '2024-03-07' && d !== '2024-03-13').chosen).toEqual(['2024-03-06']);
    // Tuesday after National Day: prior Tue/Wed/Thu are all holidays, so only last year remains.
    expect(dates('2024-10-08').all).toEqual(['2023-10-10']);
  });

  it('averages 3 days for a holiday: holidays this period, holidays in history, Sundays this period, Sundays in history', () => {
    const plan = dates('2024-10-03');
    expect(plan.take).toBe(3);
    expect(plan.all.slice(0, 5)).toEqual(['2024-10-02', '2024-10-01', '2024-09-17', '2024-09-16', '2024-09-15']);
    expect(plan.chosen).toEqual(['2024-10-02', '2024-10-01', '2024-09-17']);
    const noHolidays = (d: string) => calendar.dayKind(epochDay(d)) !== 2;
    // 2024-09-29 is a Sunday but a make-up working day (调休), so the prior Sunday comes first.
    expect(dates('2024-10-03', noHolidays).chosen).toEqual(['2024-09-22', '2024-09-08', '2024-09-01']);
    expect(dates('2024-10-03', (d) => d === '2024-09-16' || noHolidays(d)).chosen).toEqual(['2024-09-16', '2024-09-22', '2024-09-08']);
  });
});
