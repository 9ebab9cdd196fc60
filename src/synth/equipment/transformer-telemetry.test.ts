import { describe, expect, it } from 'vitest';
import { Telemetry } from '../../core/schemas/grid.js';
import { Rng } from '../rng.js';
import type { Degradation } from './degradation.js';
import { generateTransformerTelemetry, type TransformerTelemetry } from './transformer-telemetry.js';

const HOURS = 24 * 120;
const startMs = Date.UTC(2024, 5, 1);

function dailyLoad(peakPu: number, rated = 400): Float64Array {
  return Float64Array.from({ length: HOURS }, (_, h) => rated * peakPu * (0.55 + 0.45 * Math.sin(((h % 24) - 6) * Math.PI / 12) ** 2));
}
const ambient = Float32Array.from({ length: HOURS }, (_, h) => 26 + 5 * Math.sin(((h % 24) - 9) * Math.PI / 12));

function run(peakPu: number, degradation?: Degradation): TransformerTelemetry {
  return generateTransformerTelemetry({ equipmentId: 'EQ000001', ratedKva: 400, hourlyLoadKva: dailyLoad(peakPu), ambientC: ambient, startMs, degradation }, new Rng(7, 'eq'));
}
const mean = (a: ArrayLike<number>, from = 0, to = a.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s / (to - from);
};

describe('generateTransformerTelemetry', () => {
  it('raises oil temperature with load', () => {
    const light = run(0.3), heavy = run(1.0);
    expect(mean(heavy.oilTempC) - mean(light.oilTempC)).toBeGreaterThan(20);
    expect(Math.max(...heavy.hotSpotC)).toBeGreaterThan(Math.max(...heavy.oilTempC));
  });

  it('creeps the oil temperature up over weeks before an insulation fault, then the unit goes dark', () => {
    const degradation: Degradation = { startHour: 24 * 40, failureHour: 24 * 100, kind: 'insulation' };
    const healthy = run(0.7), failing = run(0.7, degradation);
    const lastWeek = [24 * 93, 24 * 100] as const;
    expect(mean(failing.oilTempC, ...lastWeek) - mean(healthy.oilTempC, ...lastWeek)).toBeGreaterThan(4);
    expect(Math.abs(mean(failing.oilTempC, 0, 24 * 40) - mean(healthy.oilTempC, 0, 24 * 40))).toBeLessThan(0.01);
    const early = mean(failing.oilTempC, 24 * 50, 24 * 57) - mean(healthy.oilTempC, 24 * 50, 24 * 57);
    expect(early).toBeLessThan(1);
    expect(failing.loadKva[24 * 101]).toBe(0);
    expect(Math.abs(failing.oilTempC[HOURS - 1] - failing.ambientC[HOURS - 1])).toBeLessThan(2);
  });

  it('raises phase imbalance before an imbalance fault', () => {
    const failing = run(0.7, { startHour: 24 * 40, failureHour: 24 * 100, kind: 'imbalance' });
    expect(mean(failing.imbalancePct, 24 * 93, 24 * 100) - mean(failing.imbalancePct, 0, 24 * 30)).toBeGreaterThan(15);
  });

  it('fills hourly columns that map onto the Telemetry schema, deterministically', () => {
    const t = run(0.6);
    expect(t.ts[1] - t.ts[0]).toBe(3_600_000);
    for (const h of [0, 100, HOURS - 1]) {
      Telemetry.parse({ equipmentId: t.equipmentId, ts: new Date(t.ts[h]), loadKva: t.loadKva[h], oilTempC: t.oilTempC[h], ambientC: t.ambientC[h], imbalancePct: t.imbalancePct[h] });
    }
    expect(run(0.6)).toEqual(t);
    expect(() => generateTransformerTelemetry({ equipmentId: 'x', ratedKva: 1, hourlyLoadKva: new Float64Array(3), ambientC: new Float32Array(2), startMs }, new Rng(1))).toThrow(RangeError);
  });
});
