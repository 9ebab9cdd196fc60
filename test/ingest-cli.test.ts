import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gridlens-ingest-cli-'));
const db = join(dir, 'store.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function gridlens(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--db', db], { maxBuffer: 16 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('gridlens ingest and quarantine', () => {
  it('ingests with --json, quarantines what it must, and replays after the meter is added', async () => {
    writeFileSync(join(dir, 'meters.csv'), 'meter_id,meter_no,customer_id,area_id,multiplier,interval_minutes,channels,phases,install_date\n1,M1,C1,TA1,1,15,import,1,2020-01-01\n');
    writeFileSync(join(dir, 'readings.csv'), 'meter_no,read_time,kwh\nM1,2025-03-01 00:00,1\nM2,2025-03-01 00:00,2\nM1,2025-03-01 00:15,oops\n');
    writeFileSync(join(dir, 'cut.csv.gz'), gzipSync(Buffer.from('meter_no,read_time,kwh\nM1,2025-03-02 00:00,1\n'.repeat(200))).subarray(0, 60));
    const first = await gridlens('ingest', join(dir, 'meters.csv'), join(dir, 'readings.csv'), join(dir, 'cut.csv.gz'), '--json');
    expect(first.code).toBe(2);
    const result = JSON.parse(first.stdout);
    expect(result.files.map((f: { source: string; status: string }) => `${f.source} ${f.status}`)).toEqual(['reference ingested', 'csv ingested', 'csv failed']);
    expect(result.files[2].reason).toMatch(/cut\.csv\.gz: truncated or corrupt gzip/);
    expect(result.totals).toMatchObject({ accepted: 2, quarantined: 2 });

    const list = JSON.parse((await gridlens('quarantine', 'list', '--json')).stdout);
    expect(list.counts).toEqual([{ status: 'open', reason_code: 'invalid_value', n: 1 }, { status: 'open', reason_code: 'unknown_meter', n: 1 }]);
    const unknown = list.entries.find((e: { reason_code: string }) => e.reason_code === 'unknown_meter');
    const shown = await gridlens('quarantine', 'show', String(unknown.quarantine_id), '--lang', 'en');
    expect(shown.stdout).toMatch(/readings\.csv:3 +unknown meter "M2"/);
    expect(shown.stdout).toContain('M2,2025-03-01 00:00,2');

    writeFileSync(join(dir, 'meters2.csv'), 'meter_id,meter_no,customer_id,area_id,multiplier,interval_minutes,channels,phases,install_date\n2,M2,C2,TA1,1,15,import,1,2020-01-01\n');
    await gridlens('ingest', join(dir, 'meters2.csv'), '--format', 'reference', '--table', 'meters', '--json');
    const replay = JSON.parse((await gridlens('quarantine', 'replay', '--json')).stdout);
    expect(replay).toMatchObject({ examined: 1, replayed: 1, inserted: 1, notReplayable: 1 });
  });

  it('prints a per-file summary in Chinese by default and skips what it has seen', async () => {
    const again = await gridlens('ingest', join(dir, 'readings.csv'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/已跳过/);
    expect(again.stdout).toMatch(/共 1 个文件：导入 0，跳过 1，失败 0/);
  });
});
