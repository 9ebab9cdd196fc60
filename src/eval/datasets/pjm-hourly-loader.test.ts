import { describe, expect, it } from 'vitest';
import { loadPjmHourly, pjmHourStart } from './pjm-hourly-loader.js';
import { describeWithData, SHARED_DATA_ROOT } from './shared-data.testkit.js';

describe('pjmHourStart', () => {
  it('reads day-first and ISO timestamps as the start of the hour ending then', () => {
    expect(pjmHourStart('31-12-2002 01:00')).toBe(Date.UTC(2002, 11, 31, 0));
    expect(pjmHourStart('2004-12-31 01:00:00')).toBe(Date.UTC(2004, 11, 31, 0));
    expect(pjmHourStart('01-01-2003 00:00')).toBe(Date.UTC(2002, 11, 31, 23));
    expect(() => pjmHourStart('2003/01/01')).toThrow(/unreadable PJM timestamp/);
  });
});

describeWithData('pjm_hourly', 'loadPjmHourly', () => {
  it('sorts PJME, averages the DST duplicates and keeps gaps as NaN', async () => {
    const pjme = await loadPjmHourly(SHARED_DATA_ROOT, 'PJME');
    expect(pjme.rows).toBe(145_366);
    expect(pjme.duplicates).toBe(4);
    expect(pjme.series.timestamps[0]).toBe(Date.UTC(2002, 0, 1, 0));
    expect(pjme.series.length).toBe(pjme.rows - pjme.duplicates + pjme.missing);
    expect(pjme.series.countKnownLoad()).toBe(pjme.rows - pjme.duplicates);
  });

  it('reads the original ISO format too', async () => {
    const dayton = await loadPjmHourly(SHARED_DATA_ROOT, 'DAYTON');
    expect(dayton.rows).toBe(121_275);
  });
});
