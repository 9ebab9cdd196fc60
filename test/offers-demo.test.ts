import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSynthetic } from '../src/jobs/load-synthetic.js';
import { offersList, offersRun, type OffersRunResult } from '../src/jobs/offers.js';
import { offerSavings } from '../src/jobs/tariff-savings.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

/**
 * `offers run` on a small demo utility (14 customers, 430 days of 15-minute readings): the rate
 * comparison never recommends a tariff that costs more on the simulated year, the coverage gate
 * withholds recommendations with a reason, offers land in the `offers` table, and CalTRACK
 * measures a saving injected into one customer's readings.
 */
const config = { db: ':memory:' };
let wh: Warehouse;
let run: OffersRunResult;

beforeAll(async () => {
  wh = await openDuckDb(':memory:');
  await migrate(wh);
  await loadSynthetic(wh, parseSynthOptions({ customers: 14, days: 430, seed: 7 }));
  run = await offersRun(config, {}, wh);
}, 120_000);
afterAll(async () => wh?.close());

describe('offers run on the demo', () => {
  it('passes the coverage gate with a full year and recommends only tariffs cheaper on the simulated year', () => {
    expect(run.customers).toBe(14);
    expect(run.eligible).toBe(14);
    const recommended = run.results.filter((r) => r.recommendedTariffId !== null);
    expect(recommended.length).toBeGreaterThan(0);
    for (const r of run.results) {
      if (r.recommendedTariffId === null) continue;
      expect(r.recommendedTariffId).not.toBe(r.currentTariffId);
      expect(r.recommendedCost!).toBeLessThan(r.currentCost!);
      const offer = r.offers.find((o) => o.kind === 'rate')!;
      expect(offer.savingsCny).toBeCloseTo(r.currentCost! - r.recommendedCost!, 2);
    }
  });

  it('stores one rate comparison per customer and every offer, with texts in zh-CN and en', async () => {
    const [cmp] = await wh.query<{ n: number; bad: number }>(
      'SELECT count(*) AS n, count(*) FILTER (WHERE best_cost > current_cost) AS bad FROM rate_comparisons WHERE run_id = ?', [run.runId]);
    expect([Number(cmp.n), Number(cmp.bad)]).toEqual([14, 0]);
    const [offers] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM offers WHERE run_id = ?', [run.runId]);
    expect(Number(offers.n)).toBe(run.offers.total);
    const listed = await offersList(config, { limit: 1000 }, wh);
    expect(listed.offers).toHaveLength(run.offers.total);
    for (const o of listed.offers) {
      expect(o.textZh).toMatch(/元/);
      expect(o.textEn).toMatch(/CNY/);
      expect(o.savingsCny).toBeGreaterThan(0);
    }
    expect(run.offers.load_shift).toBeGreaterThan(0);
  });

  it('withholds recommendations with the reason when the coverage gate fails', async () => {
    const gated = await offersRun(config, { minGoodDays: 366 }, wh);
    expect(gated.eligible).toBe(0);
    expect(gated.gated.too_few_days).toBe(14);
    expect(gated.offers.total).toBe(0);
    expect(gated.results[0].gateText.en).toMatch(/days with data \(366 needed\)/);
    expect(gated.results[0].gateText.zh).toMatch(/需 366 天/);
  });
});

describe('CalTRACK savings of a customer who took an offer', () => {
  it('measures a 15% cut injected into the readings after the intervention', async () => {
    const [{ id }] = await wh.query<{ id: number }>("SELECT meter_id AS id FROM meters WHERE customer_id = 'C00000002'");
    const [{ last }] = await wh.query<{ last: string }>('SELECT CAST(max(ts) AS DATE) AS last FROM readings');
    const intervention = new Date(Date.parse(`${last}T00:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);
    const before = await offerSavings(config, { customer: 'C00000002', intervention }, wh);
    await wh.run("UPDATE readings SET kwh = kwh * 0.85 WHERE meter_id = ? AND ts >= CAST(? AS TIMESTAMP) - INTERVAL 8 HOUR", [id, intervention]);
    const after = await offerSavings(config, { customer: 'C00000002', intervention }, wh);
    expect(after.baselineDays).toBeGreaterThanOrEqual(330);
    expect(after.reportingDays).toBeGreaterThanOrEqual(55);
    // The cut is 15% of the actual use: avoided = counterfactual - 0.85 x (what the customer would have used).
    const injected = after.actualKwh / 0.85 - after.actualKwh;
    expect(after.avoidedKwh - before.avoidedKwh).toBeCloseTo(injected, 0);
    expect(after.savingsFraction).toBeGreaterThan(before.savingsFraction + 0.1);
    expect(after.uncertaintyKwh).toBeGreaterThan(0);
  });
});
