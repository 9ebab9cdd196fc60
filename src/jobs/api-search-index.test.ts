import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSynthOptions } from '../synth/synth-options.js';
import { openDuckDb } from '../warehouse/duckdb/index.js';
import { migrate } from '../warehouse/migrations/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { matchCustomers } from './api-search-index.js';
import { loadSynthetic } from './load-synthetic.js';

/** The in-memory search answers exactly what the equivalent SQL filter over the customers table answers. */
let wh: Warehouse;
beforeAll(async () => {
  wh = await openDuckDb(':memory:', { threads: 1 });
  await migrate(wh);
  await loadSynthetic(wh, parseSynthOptions({ customers: 300, days: 1, start: '2025-03-01' }));
}, 60_000);
afterAll(async () => wh?.close());

async function reference(q: string, district?: string): Promise<string[]> {
  const digits = q.replace(/\D/g, '');
  const rows = await wh.query<{ customer_id: string }>(
    `SELECT customer_id FROM customers WHERE (? = '' OR starts_with(customer_id, ?) OR contains(name, ?) OR (length(?) >= 4 AND contains(regexp_replace(phone, '\\D', '', 'g'), ?)))
       AND (? IS NULL OR district = ?) ORDER BY customer_id`, [q, q, q, digits, digits, district ?? null, district ?? null]);
  return rows.map((r) => r.customer_id);
}

describe('customer search index', () => {
  it('matches id prefixes, name fragments and phone digits like SQL does', async () => {
    const [{ name, phone, district }] = await wh.query<{ name: string; phone: string; district: string }>('SELECT name, phone, district FROM customers ORDER BY customer_id LIMIT 1 OFFSET 17');
    for (const q of ['', 'C00000', 'C000001', name.slice(0, 1), name.slice(1, 2), name, phone.slice(-4), phone.slice(3, 9), 'zzz', '1']) {
      const got = (await matchCustomers(wh, { q, regions: null })).map((r) => r.customerId);
      expect(got, q).toEqual(await reference(q));
    }
    const inDistrict = (await matchCustomers(wh, { q: name.slice(0, 1), regions: [district] })).map((r) => r.customerId);
    expect(inDistrict).toEqual(await reference(name.slice(0, 1), district));
    expect(inDistrict.length).toBeGreaterThan(0);
  });
});
