import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = join(process.cwd(), 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'gridlens-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function gridlens(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return gridlensWith({}, ...args);
}

async function gridlensWith(env: Record<string, string>, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('gridlens CLI (built)', () => {
  it('demo --json prints counts per table, and the same seed gives the same readings checksum', async () => {
    const a = await gridlensWith({ GRIDLENS_THREADS: '2' }, 'demo', '--customers', '40', '--days', '10', '--db', join(dir, 'a.duckdb'), '--json');
    // One run in worker threads, one in the main thread: the rows must not depend on the thread count.
    const b = await gridlensWith({ GRIDLENS_THREADS: '1' }, 'demo', '--customers', '40', '--days', '10', '--db', join(dir, 'b.duckdb'), '--json');
    expect(b.code).toBe(0);
    expect(a.code).toBe(0);
    const ja = JSON.parse(a.stdout), jb = JSON.parse(b.stdout);
    expect(ja.created).toBe(true);
    const counts = Object.fromEntries(ja.tables.map((t: { table: string; rows: number }) => [t.table, t.rows]));
    expect(counts.customers).toBe(40);
    expect(counts.readings).toBeGreaterThan(40 * 10 * 96 * 0.97);
    expect(ja.readingsChecksum).toBe(jb.readingsChecksum);
    expect(ja.storeChecksum).toBe(jb.storeChecksum);
    const c = await gridlens('demo', '--customers', '40', '--days', '10', '--seed', '7', '--db', join(dir, 'c.duckdb'), '--json');
    expect(JSON.parse(c.stdout).readingsChecksum).not.toBe(ja.readingsChecksum);
  });

  it('keeps an existing store unless --force', async () => {
    const again = await gridlens('demo', '--customers', '40', '--days', '10', '--db', join(dir, 'a.duckdb'), '--json');
    expect(JSON.parse(again.stdout).created).toBe(false);
  });

  it('db info --json reports the schema version and tables', async () => {
    const info = await gridlens('db', 'info', '--db', join(dir, 'a.duckdb'), '--json');
    const json = JSON.parse(info.stdout);
    expect(json.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(json.tables.find((t: { table: string }) => t.table === 'meters').rows).toBe(40);
  });

  it('rejects bad arguments with a clear message and a non-zero exit', async () => {
    const bad = await gridlens('demo', '--customers', 'many', '--db', join(dir, 'x.duckdb'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/customers.*expected an integer/i);
    const badDate = await gridlens('demo', '--start', '2025-13-40', '--db', join(dir, 'x.duckdb'));
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toMatch(/YYYY-MM-DD/);
    const missing = await gridlens('db', 'info', '--db', join(dir, 'nope', 'missing.duckdb'), '--json');
    expect(missing.code).not.toBe(0);
    expect(JSON.parse(missing.stdout).error.message).toMatch(/no store/i);
  });

  it('synth --out writes every format with a manifest', async () => {
    const out = join(dir, 'files');
    const res = await gridlens('synth', '--customers', '12', '--days', '5', '--out', out, '--green-button-meters', '2', '--json');
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout);
    const formats = new Set(json.files.map((f: { format: string }) => f.format));
    expect([...formats].sort()).toEqual(['csv', 'green-button', 'jsonl', 'parquet']);
    const long = json.files.find((f: { path: string }) => f.path === 'csv/readings.csv');
    expect(long.rows).toBeGreaterThanOrEqual(json.readings);
  });
});
