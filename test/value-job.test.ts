import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChurn } from '../src/jobs/churn.js';
import { createDemo } from '../src/jobs/create-demo.js';
import { runValue } from '../src/jobs/value.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';

describe('gridlens run value and churn', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridlens-value-'));
  const db = join(dir, 'store.duckdb');

  beforeAll(async () => {
    await createDemo({ db }, { customers: 60, days: 45, intervalMinutes: 60 });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores churn with reasons and assesses value tiers whose margins add up', async () => {
    const churn = await runChurn({ db });
    expect(churn.customers).toBe(60);
    expect(churn.mode).toBe('prior');
    expect(churn.bands.high + churn.bands.medium + churn.bands.low).toBe(60);
    expect(churn.top[0].score).toBeGreaterThanOrEqual(churn.top[9].score);

    const value = await runValue({ db });
    expect(value.customers).toBe(60);
    expect(value.tiers.reduce((s, t) => s + t.customers, 0)).toBe(60);
    expect(value.totals.marginCny).toBeCloseTo(value.totals.revenueCny - value.totals.energyCostCny - value.totals.serviceCostCny, 4);
    expect(value.totals.revenueCny).toBeGreaterThan(0);
    expect(value.totals.energyCostCny).toBeGreaterThan(0);

    const wh = await openDuckDb(db, { readOnly: true });
    try {
      const [c] = await wh.query<{ n: number; reasons: number }>("SELECT count(*) AS n, count(*) FILTER (WHERE json_array_length(reasons) > 0) AS reasons FROM customer_churn");
      expect(Number(c.n)).toBe(60);
      expect(Number(c.reasons)).toBeGreaterThan(30);
      const rows = await wh.query<{ tier: string; explanation_zh: string; explanation_en: string }>('SELECT tier, explanation_zh, explanation_en FROM customer_value');
      expect(rows).toHaveLength(60);
      for (const r of rows) {
        expect(['platinum', 'gold', 'silver', 'bronze', 'at-risk']).toContain(r.tier);
        expect(r.explanation_zh).toMatch(/年化毛利/);
        expect(r.explanation_en).toMatch(/annual margin/);
      }
    } finally {
      await wh.close();
    }
  }, 60_000);
});
