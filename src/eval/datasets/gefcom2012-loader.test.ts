import { expect, it } from 'vitest';
import { GEFCOM2012_SYSTEM_ZONE, loadGefcom2012 } from './gefcom2012-loader.js';
import { describeWithData, SHARED_DATA_ROOT } from './shared-data.testkit.js';

describeWithData('gefcom2012_load', 'loadGefcom2012', () => {
  it('puts loads, temperatures and the solution on one hourly grid', async () => {
    const data = await loadGefcom2012(SHARED_DATA_ROOT);
    expect(data.hours).toBe(1650 * 24);
    expect(data.zoneLoads).toHaveLength(20);
    expect(data.temperatures).toHaveLength(11);
    expect(data.zoneLoads[0][0]).toBe(16853);
    expect(data.zoneLoads.map((z) => z.filter(Number.isNaN).length)).toEqual(Array(20).fill(1530));
    expect(data.temperatures.every((t) => t.every(Number.isFinite))).toBe(true);
    expect(data.solution).toHaveLength(1323);
    expect(data.solution.filter((r) => r.zone === GEFCOM2012_SYSTEM_ZONE)).toHaveLength(63);
    const row = data.solution[0];
    expect(data.zoneLoads[row.zone - 1][row.day * 24]).toBeNaN();
    expect(data.benchmark.get(row.id)).toHaveLength(24);
    const weights = new Set(data.solution.map((r) => r.weight));
    expect([...weights].sort((a, b) => a - b)).toEqual([1, 8, 20, 160]);
  });
});
