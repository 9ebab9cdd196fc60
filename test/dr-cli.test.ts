import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAdr3ExportSchema } from '../src/analytics/dr/index.js';
import { drCommand } from '../src/cli/commands/dr.js';
import { loadSynthetic } from '../src/jobs/load-synthetic.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';

/** `gridlens dr ...` in-process on a small demo store file: one JSON document per command, errors with exit codes. */
const dir = mkdtempSync(join(tmpdir(), 'gridlens-dr-cli-'));
const db = join(dir, 'dr.duckdb');

async function dr(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const out: string[] = [], err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  process.exitCode = 0;
  try {
    await drCommand().parseAsync(['node', 'dr', ...args, '--db', db]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { stdout: out.join(''), stderr: err.join(''), exitCode };
}

beforeAll(async () => {
  const wh = await openDuckDb(db, { threads: 1 });
  await migrate(wh);
  await loadSynthetic(wh, parseSynthOptions({ customers: 20, days: 45, start: '2025-09-26' }));
  await wh.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gridlens dr (CLI)', () => {
  it('creates, simulates, settles and exports an event, each --json run printing one document', async () => {
    const created = await dr('event', 'create', '--date', '2025-11-05', '--targets', '5', '--json');
    expect(created.exitCode).toBe(0);
    const eventId = JSON.parse(created.stdout).event.eventId as string;
    expect(eventId).toBe('DR-PEAK-20251105-1700');
    expect(JSON.parse((await dr('event', 'simulate', eventId, '--json')).stdout).targeted).toBe(5);
    const settled = JSON.parse((await dr('settle', eventId, '--json')).stdout);
    expect(settled.customers).toHaveLength(5);
    const exported = await dr('export', eventId, '--format', 'openadr3', '--json');
    expect(openAdr3ExportSchema.safeParse(JSON.parse(exported.stdout)).success).toBe(true);
  }, 60_000);

  it('prints text in zh-CN and en', async () => {
    expect((await dr('event', 'list', '--lang', 'zh-CN')).stdout).toMatch(/项目 DR-PEAK .*状态 settled/);
    expect((await dr('baseline', '--customer', 'C00000001', '--date', '2025-11-06', '--method', 'miso-10-day', '--lang', 'en')).stdout).toMatch(/^Baseline of customer C00000001 on 2025-11-06 17:00–20:00 \(Asia\/Shanghai, workday\)[\s\S]*miso-10-day: baseline/);
  });

  it('names the bad item in errors, with exit code 2 for invalid input and 1 for a missing one', async () => {
    const badFormat = await dr('export', 'DR-PEAK-20251105-1700', '--format', 'csv', '--json');
    expect(badFormat.exitCode).toBe(2);
    expect(JSON.parse(badFormat.stdout).error.message).toMatch(/format "csv" is not supported/);
    const missing = await dr('settle', 'NOPE', '--json');
    expect(missing.exitCode).toBe(1);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: 'NOT_FOUND' });
    const badProgram = await dr('program', 'create', '--id', 'X', '--name', 'x', '--name-zh', 'x', '--baseline', 'nope', '--json');
    expect(JSON.parse(badProgram.stdout).error.message).toMatch(/baselineMethod: unknown baseline method/);
  });
});
