import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSynthetic } from '../src/jobs/load-synthetic.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

/**
 * Realism of the whole synthetic utility as stored, judged the way an analyst would look at it:
 * load shapes by archetype, weather-driven seasons, the Spring Festival, PV export, transformer-area
 * losses with and without theft, and bills that add up. Meter faults are off here (faultRate 0) so
 * that loss ratios measure the grid, not the data faults; VEE tests cover those.
 */
let wh: Warehouse;
const local = "(ts + INTERVAL 8 HOUR)";

beforeAll(async () => {
  wh = await openDuckDb(':memory:');
  await migrate(wh);
  await loadSynthetic(wh, parseSynthOptions({ customers: 240, days: 400, faultRate: 0, theftRate: 0.1, seed: 11 }));
  await wh.run(`CREATE TABLE shapes AS
    SELECT t.archetype, hour(${local}) AS h, dayofweek(${local}) AS dow, month(${local}) AS mon, CAST(${local} AS DATE) AS d,
           r.meter_id, r.channel, r.kwh
    FROM readings r JOIN meters m USING (meter_id) JOIN truth.customers t USING (customer_id)`);
}, 300_000);
afterAll(async () => wh?.close());

async function profile(archetype: string, where: string): Promise<number[]> {
  const rows = await wh.query<{ h: number; v: number }>(
    `SELECT h, avg(kwh) AS v FROM shapes WHERE archetype = ? AND channel = 1 AND ${where} GROUP BY h ORDER BY h`, [archetype]);
  return rows.map((r) => r.v);
}
const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));

describe('synthetic utility realism (stored data)', () => {
  it('working households peak between 18:00 and 22:00 on weekdays', async () => {
    const p = await profile('residential_working', 'dow BETWEEN 1 AND 5');
    expect(argmax(p)).toBeGreaterThanOrEqual(18);
    expect(argmax(p)).toBeLessThanOrEqual(21);
  });

  it('offices fall to base load at night and on Sundays', async () => {
    const weekday = await profile('office', 'dow BETWEEN 1 AND 5');
    const sunday = await profile('office', 'dow = 0');
    const midday = (weekday[10] + weekday[11]) / 2;
    expect(weekday[2] / midday).toBeLessThan(0.35);
    expect(Math.max(...sunday) / midday).toBeLessThan(0.45);
  });

  it('summer and winter peaks of air-conditioning households exceed spring and autumn', async () => {
    const rows = await wh.query<{ mon: number; peak: number }>(`
      SELECT mon, avg(daily) AS peak FROM (SELECT mon, d, meter_id, sum(kwh) AS daily FROM shapes
        WHERE archetype = 'residential_ac_heavy' AND channel = 1 GROUP BY ALL) GROUP BY mon`);
    const m = Object.fromEntries(rows.map((r) => [r.mon, r.peak]));
    expect(m[7]).toBeGreaterThan(1.3 * Math.max(m[4], m[10]));
    expect(m[1]).toBeGreaterThan(1.1 * Math.max(m[4], m[10]));
  });

  it('industrial load dips over the Spring Festival', async () => {
    const [r] = await wh.query<{ holiday: number; before: number }>(`
      SELECT avg(kwh) FILTER (WHERE d BETWEEN DATE '2026-02-15' AND DATE '2026-02-23') AS holiday,
             avg(kwh) FILTER (WHERE d BETWEEN DATE '2026-01-05' AND DATE '2026-01-30') AS before
      FROM shapes WHERE archetype LIKE 'factory%' AND channel = 1`);
    expect(r.holiday / r.before).toBeLessThan(0.4);
  });

  it('PV prosumers export at midday and never at night', async () => {
    const [r] = await wh.query<{ midday: number; night: number; total: number }>(`
      SELECT sum(kwh) FILTER (WHERE h BETWEEN 9 AND 14) AS midday, sum(kwh) FILTER (WHERE h < 5 OR h >= 21) AS night, sum(kwh) AS total
      FROM shapes WHERE channel = 2`);
    expect(r.total).toBeGreaterThan(0);
    expect(r.midday / r.total).toBeGreaterThan(0.75);
    expect(r.night).toBe(0);
  });

  it('load factors fall in each archetype family\'s range', async () => {
    const rows = await wh.query<{ archetype: string; lf: number }>(`
      SELECT archetype, median(lf) AS lf FROM (
        SELECT archetype, meter_id, avg(hourly) / max(hourly) AS lf FROM (
          SELECT archetype, meter_id, d, h, sum(kwh) AS hourly FROM shapes WHERE channel = 1 GROUP BY ALL) GROUP BY ALL)
      GROUP BY archetype`);
    const lf = Object.fromEntries(rows.map((r) => [r.archetype, r.lf]));
    expect(lf.residential_working).toBeGreaterThan(0.08);
    expect(lf.residential_working).toBeLessThan(0.45);
    if (lf.factory_three_shift !== undefined) expect(lf.factory_three_shift).toBeGreaterThan(0.55);
    if (lf.office !== undefined) expect(lf.office).toBeLessThan(0.5);
  });

  it('transformer-area loss is 2-5% without theft and higher with it', async () => {
    const rows = await wh.query<{ area_id: string; loss: number; stolen: number }>(`
      WITH metered AS (
        SELECT m.area_id, sum(CASE WHEN r.channel = 1 THEN r.kwh ELSE -r.kwh END) AS kwh FROM readings r JOIN meters m USING (meter_id) GROUP BY ALL),
      fed AS (SELECT area_id, sum(kwh) AS kwh FROM area_readings GROUP BY ALL)
      SELECT fed.area_id, (fed.kwh - metered.kwh) / fed.kwh AS loss, t.stolen_kwh AS stolen
      FROM fed JOIN metered USING (area_id) JOIN truth.area_losses t USING (area_id)`);
    const clean = rows.filter((r) => r.stolen === 0);
    const theft = rows.filter((r) => r.stolen > 0);
    expect(clean.length).toBeGreaterThan(5);
    expect(theft.length).toBeGreaterThan(2);
    for (const r of clean) {
      expect(r.loss).toBeGreaterThan(0.019);
      expect(r.loss).toBeLessThan(0.051);
    }
    const meanLoss = (xs: typeof rows) => xs.reduce((s, r) => s + r.loss, 0) / xs.length;
    expect(meanLoss(theft)).toBeGreaterThan(meanLoss(clean) + 0.01);
  });

  it('bills equal the sum of their lines and payments never exceed what was billed', async () => {
    const [mismatch] = await wh.query<{ n: number }>(`
      SELECT count(*) AS n FROM bills b JOIN (SELECT bill_id, sum(amount) AS s FROM bill_lines GROUP BY ALL) l USING (bill_id)
      WHERE abs(b.amount - l.s) > 0.005`);
    expect(mismatch.n).toBe(0);
    const [over] = await wh.query<{ n: number }>(`
      SELECT count(*) AS n FROM bills b JOIN (SELECT bill_id, sum(amount) AS paid FROM payments WHERE status = 'settled' GROUP BY ALL) p USING (bill_id)
      WHERE p.paid > b.amount + 0.005`);
    expect(over.n).toBe(0);
  });

  it('service tickets cover the 95598 categories in both languages', async () => {
    const rows = await wh.query<{ category: string }>('SELECT DISTINCT category FROM tickets');
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const langs = await wh.query<{ language: string }>('SELECT DISTINCT language FROM tickets ORDER BY 1');
    expect(langs.map((l) => l.language)).toEqual(['en', 'zh-CN']);
  });
});
