import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/jobs/ingest.js';
import { loadSynthetic } from '../src/jobs/load-synthetic.js';
import { veeRun, type VeeRunResult } from '../src/jobs/vee-run.js';
import { writeSynthFiles } from '../src/jobs/write-synth-files.js';
import type { Flag } from '../src/quality/vee/flag.js';
import { emptyTallies, score, scoredFaults, type Tally } from '../src/quality/vee/vee-scoring.testkit.js';
import type { FaultLabel, FaultType } from '../src/synth/anomalies/index.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

/**
 * The whole path a utility runs: the synthetic utility written as head-end CSV exports (with its
 * duplicate deliveries and clock-shifted blocks), ingested into an empty store, then `vee run`.
 * Ingest keeps every earlier delivery of a slot (replaced values and identical repeats), so VEE
 * rebuilds the raw deliveries and every fault type is scored, duplicates and clock shifts included,
 * against the generator's labels (matched by meter number).
 */
const request = { customers: 60, days: 60, faultRate: 3, start: '2025-03-01' };
const rules = 'test/fixtures/vee/synthetic-utility.rules.json';
const now = new Date('2026-01-01T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'gridlens-vee-roundtrip-'));
const tallies = emptyTallies();
let store: Warehouse;
let generator: Warehouse;
let run: VeeRunResult;

const recall = (t: Tally) => t.found / t.labels;
const precision = (t: Tally) => t.correct / t.flags;

beforeAll(async () => {
  await writeSynthFiles(request, dir, { formats: ['csv'] });
  generator = await openDuckDb(':memory:', { threads: 1 });
  await migrate(generator);
  await loadSynthetic(generator, parseSynthOptions(request));
  store = await openDuckDb(':memory:', { threads: 1 });
  await migrate(store);
  const files = readdirSync(join(dir, 'csv')).filter((f) => f !== 'readings_wide.csv').map((f) => join(dir, 'csv', f));
  const ingested = await ingest({ db: ':memory:' }, { paths: files, options: {}, allowNegativeImport: true }, { warehouse: store });
  expect(ingested.totals).toMatchObject({ failed: 0, quarantined: 0 });
  run = await veeRun({ db: ':memory:', timeZone: 'Asia/Shanghai' }, { rules, now }, { warehouse: store });

  const labels = await generator.query<{ meter_no: string; fault_type: FaultType; s: number; e: number }>(
    'SELECT m.meter_no, f.fault_type, epoch_ms(f.start_ts) AS s, epoch_ms(f.end_ts) AS e FROM truth.meter_faults f JOIN meters m USING (meter_id)');
  const flags = await store.query<{ meter_no: string; check: Flag['check']; code: string; s: number; e: number }>(
    `SELECT m.meter_no, f."check", f.code, epoch_ms(f.start_ts) AS s, epoch_ms(f.end_ts) AS e
     FROM vee_flags f JOIN meters m USING (meter_id) WHERE f.channel = 1`);
  for (const meterNo of new Set([...labels, ...flags].map((r) => r.meter_no))) {
    const l: FaultLabel[] = labels.filter((r) => r.meter_no === meterNo).map((r) => ({ faultType: r.fault_type, startIndex: r.s / 60_000, endIndex: r.e / 60_000, detail: '' }));
    const f: Flag[] = flags.filter((r) => r.meter_no === meterNo).map((r) => ({
      check: r.check, code: r.code, startIndex: r.s / 60_000, endIndex: r.e / 60_000, severity: 'error', reason: '', reasonZh: '',
    }));
    score(tallies, l, f);
  }
  console.log(scoredFaults.map((t) => `${t.padEnd(12)} labels ${tallies[t].labels}  recall ${recall(tallies[t]).toFixed(3)}  flags ${tallies[t].flags}  precision ${precision(tallies[t]).toFixed(3)}`).join('\n'));
}, 240_000);
afterAll(async () => {
  await store?.close();
  await generator?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('files → ingest → vee run: every injected fault type', () => {
  it('runs every check, the delivery checks included', () => {
    expect(run.skippedChecks).toEqual([]);
    expect(run.flags.byCheck.duplicate ?? 0).toBeGreaterThan(0);
  });

  it.each(scoredFaults.map((t) => [t]))('%s: recall ≥ 0.95 and precision ≥ 0.90 against truth.meter_faults', (t: FaultType) => {
    expect(tallies[t].labels).toBeGreaterThan(5);
    expect(recall(tallies[t])).toBeGreaterThanOrEqual(0.95);
    expect(precision(tallies[t])).toBeGreaterThanOrEqual(0.9);
  });
});
