import { describe, expect, it } from 'vitest';
import { LocalClock } from './local-time.js';

const naive = (iso: string) => Date.parse(`${iso}Z`);

describe('LocalClock', () => {
  it('converts China wall-clock time with its fixed offset', () => {
    expect(new LocalClock('Asia/Shanghai').toUtc(naive('2025-09-26T08:00:00'))).toBe(Date.parse('2025-09-26T00:00:00Z'));
  });

  it('gives NaN for the hour skipped when daylight saving starts', () => {
    const sydney = new LocalClock('Australia/Sydney');
    expect(sydney.toUtc(naive('2012-10-07T02:30:00'))).toBeNaN();
    expect(sydney.toUtc(naive('2012-10-07T03:00:00'))).toBe(Date.parse('2012-10-06T16:00:00Z'));
  });

  it('maps the repeated hour when daylight saving ends to its first occurrence', () => {
    const ny = new LocalClock('America/New_York');
    expect(ny.toUtc(naive('2014-11-02T01:00:00'))).toBe(Date.parse('2014-11-02T05:00:00Z'));
    expect(ny.toUtc(naive('2014-11-02T02:00:00'))).toBe(Date.parse('2014-11-02T07:00:00Z'));
  });

  it('rejects unknown zones with the name', () => {
    expect(() => new LocalClock('Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });
});
