import { describe, expect, it } from 'vitest';
import { channelsOf } from './vee-meters.js';
import { meterBatches } from './store-vee-run.js';
import { assertRange, localIsoDate, seriesWindow } from './vee-window.js';

const meter = (meterId: number, channels: (1 | 2)[] = [1]) => ({ meterId, channels, intervalMinutes: 15 as const, timeZone: 'Asia/Shanghai', accountActive: true });

describe('VEE windows and batches', () => {
  it('spans local midnight of the first day to local midnight after the last', () => {
    const w = seriesWindow({ from: '2025-03-01', to: '2025-03-02' }, 'Asia/Shanghai', 15);
    expect(new Date(w.startMs).toISOString()).toBe('2025-02-28T16:00:00.000Z');
    expect(w.length).toBe(192);
    expect(localIsoDate(w.endMs - 1, 480)).toBe('2025-03-02');
    expect(() => assertRange({ from: '2025-03-02', to: '2025-03-01' })).toThrow(/before/);
  });

  it('reads channels from the meter register and batches meters by intervals', () => {
    expect(channelsOf('import,export')).toEqual([1, 2]);
    expect(channelsOf('')).toEqual([1]);
    const range = { from: '2025-03-01', to: '2025-03-01' };
    const batches = [...meterBatches([meter(1), meter(2, [1, 2]), meter(3), meter(4)], range, 192)];
    expect(batches.map((b) => b.map((m) => m.meterId))).toEqual([[1, 2], [3, 4]]);
  });
});
