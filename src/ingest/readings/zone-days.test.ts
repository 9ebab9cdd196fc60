import { describe, expect, it } from 'vitest';
import { LocalClock } from './local-time.js';
import { BUCKETS_PER_DAY, zoneDays } from './zone-days.js';

const DAY = 86_400_000;

/** UTC of a naive local time by the day table, as the SQL bulk path computes it. */
function fromTable(zone: string, naive: number): number {
  const days = zoneDays(zone);
  const day = Math.floor(naive / DAY);
  const offset = days.offsets[day] ?? days.buckets.get(day)?.[Math.floor((naive - day * DAY) / (DAY / BUCKETS_PER_DAY))] ?? null;
  return offset === null ? Number.NaN : naive - offset * 1000;
}

describe('zone day tables', () => {
  it.each(['Australia/Sydney', 'America/New_York', 'Asia/Shanghai'])('give what LocalClock gives in %s', (zone) => {
    const clock = new LocalClock(zone);
    const times: number[] = [];
    for (let i = 0; i < 5_000; i++) times.push(Math.floor((i * 7_919 * 3_600_000) % (130 * 365 * DAY) / 60_000) * 60_000);
    const transitionDays = [...zoneDays(zone).buckets.keys()].filter((_, i) => i % 8 === 0);
    for (const day of transitionDays) for (let k = 0; k < 288; k += 3) times.push(day * DAY + k * 300_000);
    const differ = times.filter((t) => !Object.is(fromTable(zone, t), clock.toUtc(t)));
    expect(differ).toEqual([]);
  });

  it('mark the daylight-saving gap as having no offset', () => {
    expect(fromTable('Australia/Sydney', Date.parse('2012-10-07T02:30:00Z'))).toBeNaN();
    expect(fromTable('America/New_York', Date.parse('2014-11-02T01:00:00Z'))).toBe(Date.parse('2014-11-02T05:00:00Z'));
  });
});
