import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { buildCustomerTables, runBaseLoad } from './load-engine.js';
import type { LoadParams } from './load-model.js';
import { loadModels } from './load-models.js';
import { drawLoadParams } from './load-params.js';
import { hangzhouContext } from './simulation.testkit.js';

const ctx = hangzhouContext('2024-04-01', 28);

describe('load engine', () => {
  const base = drawLoadParams('factory_three_shift', new Rng(1));
  const quiet: LoadParams = { ...base, thermal: { ...base.thermal, coolingKwPerC: 0, heatingKwPerC: 0 }, noise: { ...base.noise, daySd: 0 } };

  it('builds one table row per profile and a profile offset per day', () => {
    const tables = buildCustomerTables(loadModels.office, ctx, drawLoadParams('office', new Rng(1)), new Rng(1));
    expect(tables.shapes).toHaveLength(3 * 96);
    expect(tables.dayOffset).toHaveLength(ctx.days.count);
    expect(new Set(tables.dayOffset).size).toBeGreaterThan(1);
  });

  it('applies multiplicative AR(1) noise with the drawn spread around the shape', () => {
    const params: LoadParams = { ...quiet, noise: { ...quiet.noise, sd: 0.1 } };
    const tables = buildCustomerTables(loadModels.factory_three_shift, ctx, params, new Rng(2));
    const out = new Float64Array(ctx.steps);
    runBaseLoad(ctx, tables, params, new Rng(3), out);
    const ratios = Array.from(out, (x, t) => x / (tables.shapes[tables.dayOffset[ctx.dayIndex[t]] + ctx.slot[t]] * tables.dayFactor[ctx.dayIndex[t]]) - 1);
    const mean = ratios.reduce((s, x) => s + x, 0) / ratios.length;
    const sd = Math.sqrt(ratios.reduce((s, x) => s + (x - mean) ** 2, 0) / ratios.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(sd).toBeGreaterThan(0.07);
    expect(sd).toBeLessThan(0.13);
    let lagged = 0;
    for (let t = 1; t < ratios.length; t++) lagged += (ratios[t] - mean) * (ratios[t - 1] - mean);
    expect(lagged / (ratios.length - 1) / sd ** 2).toBeGreaterThan(0.7);
  });
});
