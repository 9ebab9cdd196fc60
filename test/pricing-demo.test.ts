import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundFen } from '../src/core/units.js';
import { loadSynthetic } from '../src/jobs/load-synthetic.js';
import { pricingSimulate, type PricingJobResult } from '../src/jobs/pricing.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

/** `pricing simulate` on a small demo utility (12 customers, 400 days of 15-minute readings). */
const config = { db: ':memory:' };
let wh: Warehouse;
let sim: PricingJobResult;

beforeAll(async () => {
  wh = await openDuckDb(':memory:');
  await migrate(wh);
  await loadSynthetic(wh, parseSynthOptions({ customers: 12, days: 400, seed: 11 }));
  sim = await pricingSimulate(config, { tariff: 'ZJ-RES-TOU', elasticity: 'peak=-0.2,valley=-0.05,cross=0.08', revenueNeutralRatio: 4 }, wh);
}, 120_000);
afterAll(async () => wh?.close());

describe('pricing simulate on the demo', () => {
  it('total revenue equals the sum of the individual simulated bills', () => {
    expect(sim.customers).toBeGreaterThan(3);
    expect(sim.perCustomer).toHaveLength(sim.customers);
    const sum = (f: (r: PricingJobResult['perCustomer'][number]) => number) => roundFen(sim.perCustomer.reduce((s, r) => s + f(r), 0));
    expect(sim.revenue.current).toBe(sum((r) => r.current));
    expect(sim.revenue.candidateStatic).toBe(sum((r) => r.candidateStatic));
    expect(sim.revenue.candidate).toBe(sum((r) => r.candidate));
    expect(roundFen(sim.bySegment.reduce((s, g) => s + g.revenueCandidate, 0))).toBe(sim.revenue.candidate);
    expect(sim.billChanges.winners + sim.billChanges.losers + sim.billChanges.unchanged).toBe(sim.customers);
    expect(sim.billChanges.percentiles.p10).toBeLessThanOrEqual(sim.billChanges.percentiles.p90);
  });

  it('a dearer peak moves use out of the peak hours: the response lowers revenue below the static candidate', () => {
    expect(sim.revenue.candidate).toBeLessThan(sim.revenue.candidateStatic);
    expect(sim.systemPeak.beforeKw).toBeGreaterThan(0);
  });

  it('without elasticity the responsive and static results coincide', async () => {
    const flat = await pricingSimulate(config, { tariff: 'ZJ-RES-TOU', elasticity: 'default=0,cross=0' }, wh);
    expect(flat.revenue.candidate).toBe(flat.revenue.candidateStatic);
    expect(flat.systemPeak.afterKw).toBeCloseTo(flat.systemPeak.beforeKw, 9);
  });

  it('solves a revenue-neutral TOU price set at 4:1 within the tolerance', () => {
    const n = sim.revenueNeutral!;
    expect(n.converged).toBe(true);
    expect(Math.abs(n.revenue - sim.revenue.current)).toBeLessThanOrEqual(n.tolerance);
    expect(n.target).toBe(sim.revenue.current);
    expect(n.peakToValley).toBeCloseTo(4, 9);
  });

  it('records the simulation, and asks for segments before --segment', async () => {
    const [row] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM pricing_simulations');
    expect(Number(row.n)).toBe(2);
    await expect(pricingSimulate(config, { tariff: 'ZJ-RES-TOU', segment: 'S01' }, wh)).rejects.toThrow(/no customer segments in the store/);
  });
});
