import { describe, expect, it } from 'vitest';
import type { MeterInfo } from './roster-queries.js';
import { UsagePanel } from './usage-panel.js';

const meter = (meterId: number): MeterInfo => ({
  meterId, customerId: `C${meterId}`, areaId: 'TA1', customerType: 'residential', tariffId: 'RES', active: true, hasExport: false, intervalMinutes: 1440,
});
const shape = { firstDay: 0, nDays: 3, blockDays: 28, minDayCoverage: 0.5 };

describe('UsagePanel meter positions', () => {
  it('finds meters by id whether the ids are dense or sparse', () => {
    for (const ids of [[7, 5, 6], [3, 1_000_000, 42]]) {
      const panel = new UsagePanel(ids.map(meter), shape);
      ids.forEach((id, i) => expect(panel.meterIndex(id)).toBe(i));
      expect(panel.meterIndex(4)).toBe(-1);
      expect(panel.meterIndex(6.5)).toBe(-1);
      expect(panel.meterIndex(2_000_000)).toBe(-1);
    }
  });

  it('rejects a duplicate meter and readings of an unknown one', () => {
    expect(() => new UsagePanel([meter(1), meter(1)], shape)).toThrow(/duplicate meter 1/);
    const panel = new UsagePanel([meter(1)], shape);
    expect(() => panel.addDay({ meter_id: 9, channel: 1, day: 0, n: 1, kwh: 1, negatives: 0, zeros: 0, night: 0, sumsq: 1, jumps: 0 })).toThrow(/meter 9/);
  });
});
