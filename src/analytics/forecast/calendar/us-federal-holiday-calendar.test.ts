import { describe, expect, it } from 'vitest';
import { epochDay } from '../../../core/time/index.js';
import { UsFederalHolidayCalendar } from './us-federal-holiday-calendar.js';

describe('UsFederalHolidayCalendar', () => {
  const calendar = new UsFederalHolidayCalendar();
  const on = (date: string) => calendar.holiday(epochDay(date));

  it.each([
    ['2004-12-31', 'new_years_day'], // New Year 2005 fell on a Saturday
    ['2004-12-24', 'christmas_day'], // Christmas 2004 fell on a Saturday
    ['2008-01-21', 'martin_luther_king_day'],
    ['2008-02-18', 'washingtons_birthday'],
    ['2008-05-26', 'memorial_day'],
    ['2008-07-04', 'independence_day'],
    ['2007-09-03', 'labor_day'],
    ['2007-10-08', 'columbus_day'],
    ['2007-11-12', 'veterans_day'], // Sunday the 11th, observed Monday
    ['2007-11-22', 'thanksgiving_day'],
    ['2021-06-18', 'juneteenth'],
  ])('%s is %s', (date, name) => {
    expect(on(date)).toBe(name);
  });

  it('has no holiday on ordinary days, on the unobserved dates or before Juneteenth existed', () => {
    expect(on('2008-07-03')).toBeUndefined();
    expect(on('2005-01-01')).toBeUndefined();
    expect(on('2019-06-19')).toBeUndefined();
    expect(calendar.isMakeupWorkday()).toBe(false);
  });
});
