import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkageReview, linkageRun, type LinkageRunResult } from '../src/jobs/linkage.js';
import { loadSynthetic } from '../src/jobs/load-synthetic.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

/**
 * `linkage run --synthesize` on the synthetic utility's stored customers (1,500 customers, one day
 * of readings): the job draws noisy app and ticket identities with src/synth/duplicates, links them
 * to the billing customers and stores links and the review queue; scored against truth.record_owners
 * the way the engine is (a `linked` or `review` decision is correct when its customer is the owner).
 */
const config = { db: ':memory:' };
let wh: Warehouse;
let run: LinkageRunResult;

type Accuracy = { records: number; customer_records: number; decided: number; correct: number };

async function accuracy(): Promise<Accuracy> {
  const [row] = await wh.query<Accuracy>(
    `SELECT count(*) AS records, count(t.customer_id) AS customer_records,
            count(*) FILTER (WHERE l.decision IN ('linked', 'review', 'accepted')) AS decided,
            count(*) FILTER (WHERE l.decision IN ('linked', 'review', 'accepted') AND l.customer_id = t.customer_id) AS correct
     FROM linkage_links l JOIN truth.record_owners t ON t.record_id = l.record_id`);
  return row;
}

beforeAll(async () => {
  wh = await openDuckDb(':memory:', { threads: 1 });
  await migrate(wh);
  await loadSynthetic(wh, parseSynthOptions({ customers: 1500, days: 1, start: '2025-03-01' }));
  run = await linkageRun(config, { synthesize: true }, wh);
}, 120_000);
afterAll(async () => wh?.close());

describe('linkage job', () => {
  it('draws the demo identities once, with their owners in the truth tables', async () => {
    expect(run.synthetic?.written).toBeGreaterThan(1000);
    expect(run.records).toBe(run.synthetic?.written);
    expect(run.masters).toBe(1500);
    const [{ n }] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM truth.record_owners');
    expect(n).toBe(run.records);
  });

  it('reaches precision and recall of at least 0.95 against the generator\'s truth', async () => {
    const a = await accuracy();
    const precision = a.correct / a.decided, recall = a.correct / a.customer_records;
    console.log(`linkage job: ${a.records} records, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, decisions ${JSON.stringify(run.decisions)}, ${run.seconds.toFixed(1)} s`);
    expect(a.records).toBe(run.records);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('lists the review queue with personal data masked', async () => {
    const queue = await linkageReview(config, { limit: 5 }, wh);
    expect(queue.open).toBe(run.decisions.review);
    expect(queue.items.length).toBe(Math.min(5, run.decisions.review));
    const item = queue.items[0];
    expect(item.candidates.length).toBeGreaterThan(0);
    expect(item.record.name).toMatch(/^.\*+$/u);
    expect(item.candidates[0].customer?.name).toMatch(/^.\*+$/u);
    for (const phone of [item.record.phone, item.candidates[0].customer?.phone].filter(Boolean)) expect(phone).toMatch(/^\d{3}\*{4}\d{4}$|^\*+\d{4}$/);
    expect(JSON.stringify(queue)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('records accept and reject decisions with the reviewer and time, and keeps them on a re-run', async () => {
    const queue = await linkageReview(config, { limit: 2 }, wh);
    const [a, b] = queue.items;
    const at = new Date('2026-11-26T10:00:00Z');
    const accepted = await linkageReview(config, { accept: a.recordId, customer: a.candidates[0].customerId, reviewer: 'zhang.wei', now: at }, wh);
    expect(accepted.decided).toEqual({ recordId: a.recordId, decision: 'accepted', customerId: a.candidates[0].customerId, reviewer: 'zhang.wei', at: at.toISOString() });
    expect(accepted.open).toBe(queue.open - 1);
    await linkageReview(config, { reject: b.recordId, reviewer: 'li.na', now: at }, wh);
    const stored = await wh.query<{ record_id: string; decision: string; customer_id: string | null; reviewed_by: string; reviewed_at: Date }>(
      'SELECT record_id, decision, customer_id, reviewed_by, reviewed_at FROM linkage_links WHERE reviewed_by IS NOT NULL ORDER BY reviewed_by DESC');
    expect(stored).toEqual([
      { record_id: a.recordId, decision: 'accepted', customer_id: a.candidates[0].customerId, reviewed_by: 'zhang.wei', reviewed_at: at },
      { record_id: b.recordId, decision: 'rejected', customer_id: null, reviewed_by: 'li.na', reviewed_at: at },
    ]);
    await expect(linkageReview(config, { reject: a.recordId }, wh)).rejects.toThrow(/not in the review queue/);
    const again = await linkageRun(config, { synthesize: true }, wh);
    expect(again.synthetic?.written).toBe(0);
    expect(again.keptReviewed).toBe(2);
    const [{ n }] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM linkage_links WHERE reviewed_by IS NOT NULL');
    expect(n).toBe(2);
    const [{ total }] = await wh.query<{ total: number }>('SELECT count(*) AS total FROM linkage_links');
    expect(total).toBe(run.records);
  });
});
