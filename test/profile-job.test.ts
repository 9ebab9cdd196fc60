import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileLines, sparkline } from '../src/cli/commands/profile.js';
import { Output } from '../src/cli/output.js';
import { createDemo } from '../src/jobs/create-demo.js';
import { runFeatures } from '../src/jobs/features.js';
import { customerProfile, getCustomerProfile, scoreTables } from '../src/jobs/profile.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

describe('customer 360 profile (gridlens profile)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridlens-profile-'));
  const db = join(dir, 'store.duckdb');
  let wh: Warehouse;
  let tagged: { customer_id: string; tag_id: string };

  beforeAll(async () => {
    await createDemo({ db }, { customers: 60, days: 30, intervalMinutes: 60 });
    wh = await openDuckDb(db);
    await runFeatures(wh, {});
    [tagged] = await wh.query<{ customer_id: string; tag_id: string }>("SELECT customer_id, tag_id FROM customer_tags WHERE tag_id = 'digital_channel_user' ORDER BY customer_id LIMIT 1");
  }, 60_000);
  afterAll(async () => {
    await wh?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('assembles facts, features, shape, tags with labels and recent records, personal data masked by default', async () => {
    const [raw] = await wh.query<{ name: string; phone: string; id_number: string; address: string }>('SELECT * FROM customers WHERE customer_id = ?', [tagged.customer_id]);
    const p = await getCustomerProfile(wh, tagged.customer_id);
    expect(p.masked).toBe(true);
    for (const k of ['name', 'phone', 'id_number', 'address'] as const) {
      expect(p.customer[k]).not.toBe(raw[k]);
      expect(String(p.customer[k])).toContain('*');
    }
    expect(JSON.stringify(p)).not.toContain(raw.phone);
    expect(JSON.stringify(p)).not.toContain(raw.id_number);
    expect(p.meters.length).toBeGreaterThan(0);
    expect(p.accounts.length).toBeGreaterThan(0);
    expect(p.features?.feature_version).toBe(1);
    expect(Number(p.features?.days)).toBeGreaterThan(20);
    expect(p.shape).toHaveLength(24);
    expect(p.shape!.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    expect(p.monthly.length).toBeGreaterThan(0);
    const tag = p.tags.find((t) => t.id === 'digital_channel_user')!;
    expect(tag.label['zh-CN']).toBe('线上渠道用户');
    expect(tag.label.en).toBe('Digital-channel user');
    expect(Object.keys(tag.evidence)).toContain('active_days_90d');
    expect(p.recent.bills.length).toBeLessThanOrEqual(6);
    for (const t of p.recent.tickets) expect(t).not.toHaveProperty('text');
  });

  it('shows personal data only when asked explicitly', async () => {
    const [raw] = await wh.query<{ phone: string }>('SELECT phone FROM customers WHERE customer_id = ?', [tagged.customer_id]);
    const p = await getCustomerProfile(wh, tagged.customer_id, { unmasked: true });
    expect(p.masked).toBe(false);
    expect(p.customer.phone).toBe(raw.phone);
  });

  it('renders a readable text view in both languages without clear personal data', async () => {
    const p = await getCustomerProfile(wh, tagged.customer_id);
    const zh = profileLines(p, new Output({ json: false, lang: 'zh-CN' })).join('\n');
    const en = profileLines(p, new Output({ json: false, lang: 'en' })).join('\n');
    expect(zh).toContain('客户画像');
    expect(zh).toContain('线上渠道用户');
    expect(en).toContain('Customer profile');
    expect(en).toContain('Digital-channel user');
    expect(en).toContain(String(p.customer.phone));
    expect(sparkline([0, 1, 2, 4])).toBe('▁▃▅█');
    expect(sparkline([0, 0])).toBe('▁▁');
  });

  it('looks score tables up by name and reports an unknown customer clearly', async () => {
    for (const { table } of scoreTables()) {
      expect(table.name.startsWith('truth.')).toBe(false);
      expect(table.columns.some((c) => c.name === 'customer_id')).toBe(true);
    }
    await expect(getCustomerProfile(wh, 'C99999999')).rejects.toThrow(/customer C99999999 not found/);
    await expect(getCustomerProfile(wh, ' ')).rejects.toThrow(/must not be empty/);
    await expect(customerProfile({ db: ':memory:' }, 'C1')).rejects.toThrow(/not found/);
  });
});
