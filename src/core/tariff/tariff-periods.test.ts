import { describe, expect, it } from 'vitest';
import { epochDay, localMidnightUtc, WorkCalendar } from '../time/index.js';
import { scheduleOf } from './demo-tariffs.js';
import { dayTypeRule, periodTable, periodTables, scanUsage, type ScanPlan } from './tariff-periods.js';
import { testTariff } from './tariff.testkit.js';
import { syntheticUsage } from './usage.testkit.js';

describe('periodTable', () => {
  it('indexes (month, day type, hour)', () => {
    const table = periodTable(scheduleOf((month, hour) => month * 100 + hour), scheduleOf((month, hour) => month * 100 + hour + 50));
    expect(table[(3 * 2 + 0) * 24 + 7]).toBe(307);
    expect(table[(3 * 2 + 1) * 24 + 7]).toBe(357);
  });
});

describe('dayTypeRule', () => {
  const calendar = new WorkCalendar();
  it('uses the work calendar when holidays take the weekend schedule', () => {
    const rule = dayTypeRule(true, calendar);
    expect(rule(epochDay('2025-10-01'))).toBe(1); // National Day, a Wednesday
    expect(rule(epochDay('2025-09-28'))).toBe(0); // Sunday make-up working day
    expect(rule(epochDay('2025-10-13'))).toBe(0); // plain Monday
  });
  it('uses plain Saturdays and Sundays otherwise', () => {
    const rule = dayTypeRule(false, calendar);
    expect(rule(epochDay('2025-10-01'))).toBe(0);
    expect(rule(epochDay('2025-09-28'))).toBe(1);
  });
});

describe('scanUsage', () => {
  // Period 1 from 08:00 to 22:00 local on weekdays, 03:00 to 06:00 on weekends; demand period 1 from 18:00 on weekdays.
  const tariff = testTariff({
    energyratestructure: [[{ rate: 0.1 }], [{ rate: 0.2 }]],
    energyweekdayschedule: scheduleOf((_, hour) => (hour >= 8 && hour < 22 ? 1 : 0)),
    energyweekendschedule: scheduleOf((_, hour) => (hour >= 3 && hour < 6 ? 1 : 0)),
    demandratestructure: [[{ rate: 1 }], [{ rate: 2 }]],
    demandweekdayschedule: scheduleOf((_, hour) => (hour >= 18 ? 1 : 0)),
    demandweekendschedule: scheduleOf(() => 0),
  });
  const plan: ScanPlan = { tables: periodTables(tariff), energyPeriods: 2, demandPeriods: 2, dayType: dayTypeRule(false, new WorkCalendar()) };
  const window = (start: string, end: string, zone = 'Asia/Shanghai'): [number, number] => [localMidnightUtc(start, zone), localMidnightUtc(end, zone)];

  it('classifies intervals by local hour and day type and tracks demand peaks', () => {
    // 2025-06-02 is a Monday: 14 h in period 1, 10 h in period 0; 2025-06-07 is a Saturday: 3 h in period 1.
    const usage = syntheticUsage('2025-06-02', '2025-06-03', ({ hour }) => (hour === 19 ? 4 : 1), { intervalMinutes: 30 });
    const scan = scanUsage(plan, usage, ...window('2025-06-02', '2025-06-03'));
    expect(Array.from(scan.years[0].periodKwh)).toEqual([20, 34]);
    expect(Array.from(scan.demandPeakKw ?? [])).toEqual([2, 8]);
    expect(scan.peakKw).toBe(8);
    const saturday = syntheticUsage('2025-06-07', '2025-06-08', () => 1);
    expect(Array.from(scanUsage(plan, saturday, ...window('2025-06-07', '2025-06-08')).years[0].periodKwh)).toEqual([21, 3]);
  });

  it('splits the kWh by calendar year and trims to the window', () => {
    const usage = syntheticUsage('2024-12-30', '2025-01-03', () => 1);
    const scan = scanUsage(plan, usage, ...window('2024-12-31', '2025-01-02'));
    expect(scan.years.map((y) => [y.year, y.periodKwh[0] + y.periodKwh[1]])).toEqual([[2024, 24], [2025, 24]]);
    expect(scan.intervals).toBe(48);
  });

  it('follows daylight-saving time: 23 local hours on the spring-forward day', () => {
    // 2024-03-10 (Sunday) in New York skips 02:00: local hours 3, 4, 5 still fall in period 1.
    const usage = syntheticUsage('2024-03-09', '2024-03-12', () => 1, { timeZone: 'America/New_York' });
    expect(usage.kwh.length).toBe(71);
    const sunday = scanUsage(plan, usage, ...window('2024-03-10', '2024-03-11', 'America/New_York'));
    expect(Array.from(sunday.years[0].periodKwh)).toEqual([20, 3]);
    const monday = scanUsage(plan, usage, ...window('2024-03-11', '2024-03-12', 'America/New_York'));
    expect(Array.from(monday.years[0].periodKwh)).toEqual([10, 14]);
  });

  it('rejects negative and non-finite values', () => {
    const usage = syntheticUsage('2025-06-02', '2025-06-03', ({ hour }) => (hour === 3 ? -1 : 1));
    expect(() => scanUsage(plan, usage, ...window('2025-06-02', '2025-06-03'))).toThrow('usage.kwh[3] = -1');
  });
});
