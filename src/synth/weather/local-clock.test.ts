import { describe, expect, it } from 'vitest';
import { LocalClock } from './local-clock.js';

describe('LocalClock', () => {
  it('adds the zone offset, including daylight saving', () => {
    expect(new LocalClock('Asia/Shanghai').offsetMs(Date.UTC(2024, 6, 1)) / 3_600_000).toBe(8);
    const berlin = new LocalClock('Europe/Berlin');
    expect(berlin.offsetMs(Date.UTC(2024, 0, 15)) / 3_600_000).toBe(1);
    expect(berlin.offsetMs(Date.UTC(2024, 6, 15)) / 3_600_000).toBe(2);
    expect(berlin.localMs(Date.UTC(2024, 2, 31, 1, 0))).toBe(Date.UTC(2024, 2, 31, 3, 0));
  });
});
