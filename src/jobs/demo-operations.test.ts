import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemo } from './create-demo.js';
import { createDemoOperations } from './demo-operations.js';
import { drEventList } from './dr-events.js';

describe('demo operations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridlens-demo-ops-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('settle one evening-peak DR event on a late weekday of the demo, once', async () => {
    const config = { db: join(dir, 'demo.duckdb') };
    await createDemo(config, { customers: 60, days: 45, seed: 11 });
    const settled = await createDemoOperations(config);
    expect(settled).not.toBeNull();
    const { event, customers, totals } = settled!;
    expect(event.status).toBe('settled');
    expect([event.startMinute, event.endMinute]).toEqual([18 * 60, 21 * 60]);
    expect(new Date(`${event.localDate}T00:00:00Z`).getUTCDay()).toBeGreaterThanOrEqual(1);
    expect(new Date(`${event.localDate}T00:00:00Z`).getUTCDay()).toBeLessThanOrEqual(5);
    // The demo runs 2025-09-26 … 2025-11-09: the event falls in its last two weeks, with 30 days before it.
    expect(event.localDate >= '2025-10-26' && event.localDate < '2025-11-09').toBe(true);
    expect(customers.length).toBe(30);
    expect(totals.paymentCny).toBeCloseTo(customers.reduce((s, c) => s + c.paymentCny, 0), 2);
    expect(await createDemoOperations(config)).toBeNull(); // a store with an event is left alone
    expect((await drEventList(config)).events).toHaveLength(1);
  });

  it('create nothing when the data is too short for the baselines', async () => {
    const config = { db: join(dir, 'short.duckdb') };
    await createDemo(config, { customers: 20, days: 10, seed: 3 });
    expect(await createDemoOperations(config)).toBeNull();
    expect((await drEventList(config)).events).toHaveLength(0);
  });
});
