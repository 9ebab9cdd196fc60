import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../src/jobs/create-demo.js';
import { runSegments } from '../src/jobs/segments.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';

describe('gridlens run segments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridlens-segments-'));
  const db = join(dir, 'store.duckdb');

  beforeAll(async () => {
    await createDemo({ db }, { customers: 60, days: 45, intervalMinutes: 60 });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fits, stores and describes load-shape segments, then assigns without re-clustering and keeps the numbers', async () => {
    const fit = await runSegments({ db }, { kMin: 3, kMax: 6 });
    expect(fit.mode).toBe('fit');
    expect(fit.customers).toBe(60);
    expect(fit.candidates.map((c) => c.k)).toEqual([3, 4, 5, 6]);
    expect(fit.segments).toHaveLength(fit.k);
    expect(fit.segments.reduce((s, x) => s + x.size, 0)).toBe(60);
    for (const s of fit.segments) expect(s.text['zh-CN']).toContain('户');
    expect(fit.behavioural.some((b) => b.dimension === 'payment')).toBe(true);

    const again = await runSegments({ db }, { assignOnly: true });
    expect(again.mode).toBe('assign');
    expect(again.modelRunId).toBe(fit.runId);
    const wh = await openDuckDb(db, { readOnly: true });
    try {
      const rows = await wh.query<{ run_id: number; customer_id: string; segment: string }>(
        "SELECT run_id, customer_id, segment FROM customer_segments WHERE kind = 'load-shape' ORDER BY customer_id, run_id");
      const byCustomer = new Map<string, string[]>();
      for (const r of rows) byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r.segment]);
      expect(byCustomer.size).toBe(60);
      for (const segs of byCustomer.values()) expect(segs[0]).toBe(segs[1]);
      const [{ n }] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM segment_models');
      expect(Number(n)).toBe(1);
    } finally {
      await wh.close();
    }
  }, 60_000);
});
