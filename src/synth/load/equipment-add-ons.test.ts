import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { addCompressorCycling, addStreetLighting } from './equipment-add-ons.js';
import type { CustomerTables } from './load-engine.js';
import type { LoadParams } from './load-model.js';
import { drawLoadParams } from './load-params.js';
import { hangzhouContext } from './simulation.testkit.js';

const ctx = hangzhouContext('2024-01-01', 7, 5);
const noTables = {} as CustomerTables;

describe('equipment add-ons', () => {
  it('integrates compressor on-time exactly: energy = unit kW × duty × hours', () => {
    const base = drawLoadParams('cold_storage', new Rng(1));
    const params: LoadParams = {
      ...base,
      compressors: { unitKw: 10, periodsMinutes: [40], phasesMinutes: [7], dutyAt0C: 0.5, dutyPerC: 0 },
    };
    const out = new Float64Array(ctx.steps);
    addCompressorCycling(ctx, params, noTables, new Rng(1), out);
    const hours = ctx.steps * ctx.stepHours;
    expect(out.reduce((s, x) => s + x, 0)).toBeCloseTo(10 * 0.5 * hours, 6);
    expect(Math.max(...out)).toBeCloseTo(10 * ctx.stepHours, 9); // 5-minute intervals inside an on-phase
    expect(Math.min(...out)).toBe(0);
  });

  it('adds nothing for customers without the equipment', () => {
    const out = new Float64Array(ctx.steps);
    addStreetLighting(ctx, drawLoadParams('office', new Rng(1)), noTables, new Rng(1), out);
    addCompressorCycling(ctx, drawLoadParams('office', new Rng(1)), noTables, new Rng(1), out);
    expect(out.every((x) => x === 0)).toBe(true);
  });
});
