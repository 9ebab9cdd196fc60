import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSynthOptions } from '../synth/synth-options.js';
import { openDuckDb } from '../warehouse/duckdb/index.js';
import { migrate } from '../warehouse/migrations/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { loadSynthetic } from './load-synthetic.js';
import { buildProfileDocuments, DOCUMENT_RECENT, liveScoreCustomers, profileBody, profileDocumentsCurrent, profileView } from './profile-documents.js';
import { emptyProfileTables, getCustomerProfile } from './profile.js';

let wh: Warehouse;
let ids: string[];
beforeAll(async () => {
  wh = await openDuckDb(':memory:', { threads: 1 });
  await migrate(wh);
  await loadSynthetic(wh, parseSynthOptions({ customers: 40, days: 2, start: '2025-03-01' }));
  ids = (await wh.query<{ id: string }>('SELECT customer_id AS id FROM customers ORDER BY customer_id')).map((r) => r.id);
}, 60_000);
afterAll(async () => wh?.close());

/** What a client receives: JSON. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const live = async (id: string) => profileBody(await getCustomerProfile(wh, id, { recent: DOCUMENT_RECENT }));
type Body = ReturnType<typeof profileBody>;
/** What the API sends for a view, parsed. */
const view = async (id: string) => {
  const text = await profileView(wh, id, { documentsCurrent: await profileDocumentsCurrent(wh), emptyTables: await emptyProfileTables(wh) });
  const body = JSON.parse(text.json) as Body;
  expect(text.district).toBe(body.customer.district);
  return body;
};

describe('profile documents', () => {
  it('are not used before a build, and show exactly the live profile after one', async () => {
    expect(await profileDocumentsCurrent(wh)).toBe(false);
    const build = await buildProfileDocuments(wh);
    expect(build.documents).toBe(ids.length);
    expect(await profileDocumentsCurrent(wh)).toBe(true);
    const [{ n }] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM customer_profile_documents');
    expect(n).toBe(ids.length);
    for (const id of ids) expect(asJson(await view(id)), id).toEqual(asJson(await live(id)));
    const sample = await live(ids[3]);
    expect(sample.meters.length).toBeGreaterThan(0);
    expect(String(sample.customer.phone)).toContain('*');
  });

  it('are what a view reads while current', async () => {
    const [{ document }] = await wh.query<{ document: string }>('SELECT document FROM customer_profile_documents WHERE customer_id = ?', [ids[1]]);
    await wh.run('UPDATE customer_profile_documents SET document = ? WHERE customer_id = ?', [JSON.stringify({ ...JSON.parse(document), area: { marker: true } }), ids[1]]);
    expect((await view(ids[1])).area).toEqual({ marker: true });
    await wh.run('UPDATE customer_profile_documents SET document = ? WHERE customer_id = ?', [document, ids[1]]);
  });

  it('read concurrent views together, and an unknown customer is still not found', async () => {
    const views = await Promise.all(ids.map(view));
    expect(views.map((v) => v.customer.customerId)).toEqual(ids);
    await expect(view('C99999999')).rejects.toThrow(/customer C99999999 not found/);
  });

  it('stop being used when a source table changes, until the next build', async () => {
    const [customer] = ids;
    await wh.run("INSERT INTO tickets (ticket_id, customer_id, created_at, channel, category, topic, language, text, status) VALUES ('T-NEW', ?, ?, 'phone', 'complaint', 'billing', 'zh', 'x', 'open')",
      [customer, new Date(Date.UTC(2030, 0, 1))]);
    expect(await profileDocumentsCurrent(wh)).toBe(false);
    expect((await view(customer)).tickets[0]).toMatchObject({ ticket_id: 'T-NEW' });
    await buildProfileDocuments(wh);
    expect(await profileDocumentsCurrent(wh)).toBe(true);
    expect(asJson(await view(customer))).toEqual(asJson(await live(customer)));
    expect((await view(customer)).tickets[0]).toMatchObject({ ticket_id: 'T-NEW' });
  });

  it('show the black and watch lists live, without a rebuild', async () => {
    const customer = ids[5];
    await wh.run(`INSERT INTO risk_list_entries (customer_id, kind, source, rule_id, reason, effects, since, expires, set_by)
      VALUES (?, 'black', 'manual', NULL, 'field inspection', '{}', ?, NULL, 'test')`, [customer, new Date(Date.UTC(2025, 2, 2))]);
    expect(await profileDocumentsCurrent(wh)).toBe(true);
    const shown = await view(customer);
    expect(shown.scores.map((s) => s.table)).toContain('risk_list_entries');
    expect(asJson(shown)).toEqual(asJson(await live(customer)));
    // the API's cached list of such customers: the live rows are read for them only
    const emptyTables = await emptyProfileTables(wh);
    const liveCustomers = await liveScoreCustomers(wh, emptyTables);
    expect([...liveCustomers]).toEqual([customer]);
    const listed = await profileView(wh, customer, { documentsCurrent: true, emptyTables, liveCustomers });
    expect(JSON.parse(listed.json)).toEqual(asJson(shown));
    const other = await profileView(wh, ids[6], { documentsCurrent: true, emptyTables, liveCustomers });
    const [{ document }] = await wh.query<{ document: string }>('SELECT document FROM customer_profile_documents WHERE customer_id = ?', [ids[6]]);
    expect(other.json).toBe(document);
  });
});
