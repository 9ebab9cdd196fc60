import { describe, expect, it } from 'vitest';
import { deliveriesFromRecords } from './deliveries.js';
import { duplicateCheck } from './duplicate-check.js';
import { check, hour, makeSeries, monday } from './series.testkit.js';

describe('duplicateCheck', () => {
  it('drops identical repeats (info) and keeps the newer of different values, recording the older (warning)', () => {
    const deliveries = deliveriesFromRecords([
      { tsMs: monday, value: 1.5, arrival: 0 },
      { tsMs: monday + hour, value: 2, arrival: 1 },
      { tsMs: monday, value: 1.5, arrival: 5 },
      { tsMs: monday + hour, value: 2.4, arrival: 6 },
    ]);
    const flags = check(duplicateCheck, makeSeries([1.5, 2.4], { context: { deliveries } }));
    expect(flags.map((f) => [f.code, f.severity, f.startIndex])).toEqual([['duplicate.identical', 'info', 0], ['duplicate.superseded', 'warning', 1]]);
    expect(flags[1].facts).toMatchObject({ keptValue: 2.4, supersededValue: 2, deliveries: 2 });
    expect(flags[1].reason).toContain('2.000 kWh');
  });

  it('needs raw deliveries', () => {
    expect(check(duplicateCheck, makeSeries([1, 2]))).toEqual([]);
  });
});
