/**
 * Synthetic-utility generation speed and memory. Cases (each in its own process):
 *   generate N   — generate N readings (all tables), discard the batches: the generator alone
 *   store N      — generate N readings into a fresh DuckDB file through the warehouse appender
 *   duckdb-range N — reference: DuckDB creates a readings-shaped table of N rows from range()
 * Usage: node --import tsx bench/synth.ts            (runs all cases, writes bench/results/synth.json)
 *        node --import tsx bench/synth.ts CASE N     (one case; prints one JSON line)
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSynthetic } from '../src/jobs/load-synthetic.js';
import { generateUtility } from '../src/synth/utility-generator.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import { reportCase, round, runCase, writeResult, type CaseResult } from './lib/harness.js';

const DAYS = 365;
const STEPS = 96;

function optionsFor(readings: number) {
  return parseSynthOptions({ customers: Math.max(1, Math.round(readings / (DAYS * STEPS))), days: DAYS, start: '2025-01-01', threads: 0 });
}

async function generateOnly(readings: number): Promise<void> {
  const options = optionsFor(readings);
  let rows = 0;
  const t0 = performance.now();
  for await (const { table, batch } of generateUtility(options)) if (table === 'readings') rows += batch.rowCount;
  reportCase(`generate ${readings}`, rows, (performance.now() - t0) / 1000, { customers: options.customers });
}

/** DuckDB's buffer pool is bounded so that memory stays flat as the store grows (default: 80% of RAM). */
const MEMORY_LIMIT = '1GB';

async function store(readings: number): Promise<void> {
  const options = optionsFor(readings);
  const path = join(tmpdir(), `gridlens-bench-synth-${process.pid}.duckdb`);
  const wh = await openDuckDb(path, { memoryLimit: MEMORY_LIMIT });
  try {
    await migrate(wh);
    const t0 = performance.now();
    const loaded = await loadSynthetic(wh, options);
    await wh.run('CHECKPOINT');
    reportCase(`store ${readings}`, loaded.rowsByTable.readings ?? 0, (performance.now() - t0) / 1000, { customers: options.customers });
  } finally {
    await wh.close();
    rmSync(path, { force: true });
  }
}

async function duckdbRange(readings: number): Promise<void> {
  const path = join(tmpdir(), `gridlens-bench-range-${process.pid}.duckdb`);
  const wh = await openDuckDb(path, { memoryLimit: MEMORY_LIMIT });
  try {
    await migrate(wh);
    const t0 = performance.now();
    await wh.run(`INSERT INTO readings SELECT (i % 1000)::INTEGER, 1, TIMESTAMP '2025-01-01' + to_minutes((i // 1000 * 15)::BIGINT),
      round(random() * 2, 3), 0, 1 FROM range(${Math.round(readings)}) t(i)`);
    await wh.run('CHECKPOINT');
    reportCase(`duckdb-range ${readings}`, readings, (performance.now() - t0) / 1000);
  } finally {
    await wh.close();
    rmSync(path, { force: true });
  }
}

const cases: Record<string, (n: number) => Promise<void>> = { generate: generateOnly, store, 'duckdb-range': duckdbRange };

async function main(): Promise<void> {
  const [name, n] = process.argv.slice(2);
  if (name) return cases[name](Number(n));
  const sizes = [10_000_000, 100_000_000];
  const results: CaseResult[] = [];
  for (const size of sizes) for (const c of Object.keys(cases)) {
    process.stderr.write(`bench synth: ${c} ${size.toLocaleString('en-US')}\n`);
    results.push(runCase('synth.ts', [c, String(size)]));
  }
  const by = (c: string, size: number) => results.find((r) => r.name === `${c} ${size}`)!;
  const path = writeResult('synth', {
    results,
    summary: {
      generateRowsPerSecond10M: by('generate', sizes[0]).rowsPerSecond,
      generateRowsPerSecond100M: by('generate', sizes[1]).rowsPerSecond,
      storeRowsPerSecond100M: by('store', sizes[1]).rowsPerSecond,
      duckdbRangeRowsPerSecond100M: by('duckdb-range', sizes[1]).rowsPerSecond,
      peakRssRatio100Mto10M: {
        generate: round(by('generate', sizes[1]).peakRssMb / by('generate', sizes[0]).peakRssMb, 2),
        store: round(by('store', sizes[1]).peakRssMb / by('store', sizes[0]).peakRssMb, 2),
      },
      targets: { rowsPerSecond: 5_000_000, peakRssRatio: 1.5 },
    },
  });
  process.stderr.write(`wrote ${path}\n`);
}

await main();
