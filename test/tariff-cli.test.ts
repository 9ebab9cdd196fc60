import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `gridlens tariff` and `gridlens bill` through the built CLI: the published URDB vector, the
 * Zhejiang annual tier + peak/valley hand computation, the two broken URDB records, a stored
 * customer's bill.
 */

const run = promisify(execFile);
const cli = join(process.cwd(), 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'gridlens-tariff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const urdbDir = resolve(process.cwd(), '../shared/data/urdb_tariffs');
const haveUrdb = existsSync(urdbDir);
if (!haveUrdb && process.env.CI) throw new Error(`URDB fixtures missing under ${urdbDir}`);
const FPL = join(urdbDir, 'Florida_Power_Light_Co_RS_1_Residential_Service__5550d6fd5457a3187e8b4567.json');

async function gridlens(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** 2025 hourly in local time: 0.5 kWh every hour, so 7 kWh peak (08-22) and 5 kWh valley a day. */
function zhejiangLoad(): string {
  const lines = ['timestamp,kwh'];
  const t0 = Date.UTC(2025, 0, 1);
  for (let h = 0; h < 8760; h++) {
    const iso = new Date(t0 + h * 3_600_000).toISOString();
    lines.push(`${iso.slice(0, 10)} ${iso.slice(11, 16)},0.5`);
  }
  const path = join(dir, 'zj-2025-hourly.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe.skipIf(!haveUrdb)('gridlens bill with URDB tariffs (built CLI)', () => {
  it('FPL RS-1, 2,000 kWh every month of a year: energy charge $2,342.88, fixed charge separate', async () => {
    const r = await gridlens('bill', '--tariff', FPL, '--load', 'test/fixtures/tariff/fpl-2000-kwh-monthly.csv', '--time-zone', 'America/New_York', '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.periods).toHaveLength(12);
    for (const p of json.periods) expect(p.energyCharge).toBe(195.24);
    expect(json.totals.energyCharge).toBe(2342.88);
    expect(json.totals.fixedCharge).toBe(90.84);
    expect(json.totals.total).toBe(2433.72);
    expect(json.tariff.currency).toBe('USD');
  });

  it('tariff import stores the six good records and rejects both broken ones naming the field', async () => {
    const db = join(dir, 'urdb.duckdb');
    const files = readdirSync(urdbDir).filter((f) => f.endsWith('.json')).map((f) => join(urdbDir, f));
    const r = await gridlens('tariff', 'import', ...files, '--db', db, '--json');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect([json.valid, json.rejected, json.stored]).toEqual([6, 2, 6]);
    const rejected = json.records.filter((x: { valid: boolean }) => !x.valid);
    expect(rejected.map((x: { source: string }) => x.source.split('_')[0]).sort()).toEqual(['Dixie', 'Seward']);
    const messages = rejected.map((x: { error: { message: string } }) => x.error.message).join('\n');
    expect(messages).toContain('energyratestructure[0][0].rate: required');
    expect(messages).toContain('energyweekdayschedule[0][0] = 1 but energyratestructure has 1 period');
    const shown = await gridlens('tariff', 'show', 'URDB-5550d6fd5457a3187e8b4567', '--db', db, '--lang', 'en');
    expect(shown.stdout).toContain('tier 1 0-1000 kWh/month 0.08721');
    expect(shown.stdout).toContain('tier 2 > 1000 kWh/month 0.10803');
    const text = await gridlens('tariff', 'validate', files.find((f) => f.includes('Dixie'))!, '--lang', 'en');
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('energyratestructure[0][0].rate: required');
  });
});

describe('gridlens bill: Zhejiang annual tiers with peak/valley, to the fen (built CLI)', () => {
  const load = zhejiangLoad();

  it('ZJ-RES-TOU: the year crosses tier 1 in August; equals the hand computation', async () => {
    // Jan-Jul, tier 1 (31-day month: 217 x 0.568 = 123.256 -> 123.26, 155 x 0.288 = 44.64):
    //   4 x 167.90 + Apr, Jun 2 x (119.28 + 43.20) + Feb (111.33 + 40.32) = 1,148.21; 2,544 kWh by 31 July.
    // August 372 kWh, 2,544 -> 2,916: tier 1 216 kWh (peak 7/12 = 126 x 0.568 = 71.57, valley 90 x 0.288 = 25.92),
    //   tier 2 156 kWh (peak 91 x 0.618 = 56.24, valley 65 x 0.338 = 21.97) = 175.70.
    // Sep-Dec tier 2 (30 d: 129.78 + 50.70; 31 d: 134.11 + 52.39) = 733.96.  Year: 2,057.87.
    const r = await gridlens('bill', '--tariff', 'ZJ-RES-TOU', '--load', load, '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const august = json.periods.find((p: { periodStart: string }) => p.periodStart === '2025-08-01');
    expect(august.lines.map((l: { code: string; amount: number }) => [l.code, l.amount])).toEqual([
      ['ENERGY.peak.T1', 71.57], ['ENERGY.peak.T2', 56.24], ['ENERGY.valley.T1', 25.92], ['ENERGY.valley.T2', 21.97],
    ]);
    expect(august.total).toBe(175.7);
    expect(json.totals.total).toBe(2057.87);
    expect(json.totals.kwh).toBeCloseTo(4380, 6);
  });

  it('ZJ-RES-TIER on the same load: 1,368.69 + 207.94 + 860.84 = 2,437.47', async () => {
    const r = await gridlens('bill', '--tariff', 'ZJ-RES-TIER', '--load', load, '--json');
    const json = JSON.parse(r.stdout);
    const august = json.periods.find((p: { periodStart: string }) => p.periodStart === '2025-08-01');
    expect(august.lines.map((l: { code: string; amount: number }) => [l.code, l.amount])).toEqual([['ENERGY.all.T1', 116.21], ['ENERGY.all.T2', 91.73]]);
    expect(json.totals.total).toBe(2437.47);
  });

  it('rejects a broken load file naming the line and the reason', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'timestamp,kwh\n2025-01-01 00:00,1\n2025-01-01 01:00,-3\n');
    const r = await gridlens('bill', '--tariff', 'ZJ-RES-TIER', '--load', bad, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.message).toMatch(/bad\.csv line 3: kwh "-3" must be a non-negative number/);
  });
});

describe('gridlens bill --customer on a demo store (built CLI)', () => {
  it('bills stored readings month by month with itemised lines', async () => {
    const db = join(dir, 'demo.duckdb');
    expect((await gridlens('demo', '--customers', '6', '--days', '70', '--db', db, '--json')).code).toBe(0);
    const r = await gridlens('bill', '--customer', 'C00000004', '--db', db, '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.customerId).toBe('C00000004');
    expect(json.periods.length).toBeGreaterThanOrEqual(2);
    const sum = json.periods.reduce((s: number, p: { total: number }) => s + p.total, 0);
    expect(json.totals.total).toBeCloseTo(sum, 2);
    for (const p of json.periods) {
      expect(p.lines.length).toBeGreaterThan(0);
      expect(p.lines[0].explanationZh).toMatch(/电费/);
    }
  });
});
