import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractMeters, contractNow, runConnectorContract, type FixtureSpec } from '../connector-contract.testkit.js';
import { MeterResolver } from '../readings/meter-resolver.js';
import { readingRules } from '../readings/reading-rules.js';
import { CsvConnector } from './csv-connector.js';

/** Long layout: good rows over meters M0001..M0010, bad rows of three kinds. */
function makeFixture(dir: string, { rows, bad }: FixtureSpec) {
  const lines = ['meter_no,channel,read_time,kwh'];
  for (let i = 0; i < rows; i++) {
    const t = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 10) * 900_000).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`M${String((i % 10) + 1).padStart(4, '0')},import,${t},${(i % 7) / 4}`);
  }
  const badLines = ['M0001,import,2025-01-01 00:00:00', 'M0001,import,not a time,1.5', 'M9999,import,2025-01-01 00:00:00,1.0'];
  for (let k = 0; k < bad; k++) lines.splice(2 + k * 5, 0, badLines[k % badLines.length]);
  const path = join(dir, 'readings.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, expectedRows: rows };
}

for (const engine of ['duckdb', 'js'] as const) {
  runConnectorContract({ name: `csv (${engine})`, create: (config) => new CsvConnector({ engine, ...config }), makeFixture, baseConfig: { engine } });
}

describe('wide layout', () => {
  it('keeps every slot when a batch fills in the middle of a row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridlens-wide-'));
    const header = ['表号', '数据日期', ...Array.from({ length: 96 }, (_, k) => `p${String(k + 1).padStart(2, '0')}`)];
    const rows = Array.from({ length: 30 }, (_, d) => [`M000${1 + (d % 3)}`, `2025-01-${String(1 + Math.floor(d / 3)).padStart(2, '0')}`, ...Array.from({ length: 96 }, (_, k) => (k === 5 ? '' : String(k / 100)))]);
    const path = join(dir, 'wide.csv');
    writeFileSync(path, [header, ...rows].map((r) => r.join(',')).join('\n'));
    const context = { meters: new MeterResolver(contractMeters), rules: readingRules(contractNow), sql: undefined as never, sourceId: 1 };
    let total = 0, batches = 0;
    for await (const b of new CsvConnector({ batchRows: 100 }).read({ path, bytes: 1 }, context)) { total += b.batch.rowCount; batches++; }
    expect(total).toBe(30 * 95);
    expect(batches).toBeGreaterThan(10);
    rmSync(dir, { recursive: true, force: true });
  });
});
