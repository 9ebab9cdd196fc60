import { describe, expect, it } from 'vitest';
import { UsFederalHolidayCalendar } from '../../analytics/forecast/index.js';
import { epochDay } from '../../core/time/index.js';
import { parseCsv } from './csv-table.js';
import { parseHolidayList } from './gefcom2012-holidays.js';
import { loadGefcom2012 } from './gefcom2012-loader.js';
import { describeWithData, SHARED_DATA_ROOT } from './shared-data.testkit.js';

describe('parseHolidayList', () => {
  it('reads day names with and without an explicit year', () => {
    const table = parseCsv(',2004,2005\nNew Year\'s Day,"Thursday, January 1","Friday, December 31, 2004"\nLabor Day,"Monday, September 6",\n');
    expect(parseHolidayList(table)).toEqual([
      [epochDay('2004-01-01'), 'New Year\'s Day'],
      [epochDay('2004-12-31'), 'New Year\'s Day'],
      [epochDay('2004-09-06'), 'Labor Day'],
    ]);
    expect(() => parseHolidayList(parseCsv(',2004\nX,"someday"\n'))).toThrow(/cannot read the date/);
  });
});

describeWithData('gefcom2012_load', 'GEFCom2012 Holiday_List.csv', () => {
  it('lists exactly the observed US federal holidays of 2004..2008', async () => {
    const data = await loadGefcom2012(SHARED_DATA_ROOT);
    const federal = new UsFederalHolidayCalendar();
    const listed = data.holidays.listedDays();
    expect(listed.length).toBe(45); // 10 a year for 2004..2007, 5 in 2008 up to Independence Day
    for (const day of listed) expect(federal.holiday(day), new Date(day * 86_400_000).toISOString()).toBeDefined();
    const computed = [];
    for (let day = epochDay('2004-01-01'); day <= epochDay('2008-07-31'); day++) if (federal.holiday(day)) computed.push(day);
    expect(computed).toEqual(listed);
  });
});
