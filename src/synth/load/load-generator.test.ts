import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { archetypeNames, archetypes } from './archetypes.js';
import { generateLoad } from './load-generator.js';
import { drawLoadParams } from './load-params.js';
import { hangzhouContext } from './simulation.testkit.js';

describe('generateLoad', () => {
  const ctx = hangzhouContext('2024-07-01', 14);

  it.each(archetypeNames)('%s: finite, non-negative and deterministic', (name) => {
    const params = drawLoadParams(name, new Rng(4, name));
    const a = generateLoad(name, params, ctx, new Rng(5, name));
    const b = generateLoad(name, params, ctx, new Rng(5, name));
    const c = generateLoad(name, params, ctx, new Rng(6, name));
    expect(a.consumptionKwh).toHaveLength(ctx.steps);
    expect(a.consumptionKwh.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
    expect(a.importKwh.every((x) => x >= 0)).toBe(true);
    expect(b.importKwh).toEqual(a.importKwh);
    if (name !== 'street_lighting') expect(c.consumptionKwh).not.toEqual(a.consumptionKwh);
    expect(a.exportKwh === null).toBe(params.pv === undefined);
  });

  it('gives no two customers of an archetype the same series', () => {
    const series = Array.from({ length: 20 }, (_, i) => {
      const rng = new Rng(1, i);
      return generateLoad('residential_working', drawLoadParams('residential_working', rng), ctx, rng).consumptionKwh;
    });
    const keys = new Set(series.map((s) => s.slice(0, 8).join(',')));
    expect(keys.size).toBe(20);
  });

  it('keeps daily energy independent of the interval length (5, 15, 30, 60 minutes)', () => {
    const params = drawLoadParams('office', new Rng(1));
    const totals = [5, 15, 30, 60].map((step) => {
      const c = hangzhouContext('2024-07-01', 14, step);
      return generateLoad('office', params, c, new Rng(2)).consumptionKwh.reduce((s, x) => s + x, 0);
    });
    for (const total of totals) expect(total / totals[1]).toBeGreaterThan(0.97);
    for (const total of totals) expect(total / totals[1]).toBeLessThan(1.03);
  });

  it('rejects params drawn for another archetype', () => {
    const params = drawLoadParams('office', new Rng(1));
    expect(() => generateLoad('shop', params, ctx, new Rng(1))).toThrow(/another archetype/);
  });

  it('generates 1,000 customers × 30 days × 96 intervals at ≥ 5 million intervals a second', () => {
    const month = hangzhouContext('2024-06-01', 30);
    const picker = new Rng(9, 'mix');
    const shares = archetypes.map((a) => a.share);
    const customers = Array.from({ length: 1000 }, (_, i) => {
      const name = archetypes[picker.weightedIndex(shares)].name;
      return { name, params: drawLoadParams(name, new Rng(1, i)), seed: i };
    });
    const timedPass = (seed: number) => {
      const started = performance.now();
      let check = 0;
      for (const c of customers) check += generateLoad(c.name, c.params, month, new Rng(seed, c.seed)).importKwh[0];
      expect(check).toBeGreaterThan(0);
      return (customers.length * month.steps) / ((performance.now() - started) / 1000);
    };
    const cold = timedPass(2); // includes JIT compilation
    const warm = Math.max(timedPass(3), timedPass(4));
    console.log(`load generation, ${customers.length} customers × ${month.steps} intervals: ${(cold / 1e6).toFixed(1)} M intervals/s cold, ${(warm / 1e6).toFixed(1)} M/s warm`);
    expect(warm).toBeGreaterThan(5e6);
  });
});
