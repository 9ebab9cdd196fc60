import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSynthetic, readingsChecksum } from '../src/jobs/load-synthetic.js';
import { veeRun, type VeeRunResult } from '../src/jobs/vee-run.js';
import type { Flag } from '../src/quality/vee/flag.js';
import { emptyTallies, score, type Tally } from '../src/quality/vee/vee-scoring.testkit.js';
import type { FaultLabel, FaultType } from '../src/synth/anomalies/index.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

/**
 * `vee run` through the store: the synthetic utility (60 customers × 60 days of 15-minute data,
 * meter faults at 3× the default rates) loaded into DuckDB, validated and estimated by the job,
 * and the stored flags and estimates scored against the generator's truth tables.
 *
 * Scored fault types: gap, comm_loss, spike, stuck, negative. Not scored here: duplicate and
 * clock_shift. `loadSynthetic` writes the de-duplicated readings straight into the store, without
 * the earlier deliveries ingest keeps, so both checks have nothing to see; the hole a clock shift
 * leaves is flagged as a gap and counts against gap precision here. The files → ingest → VEE path
 * scores all seven types: test/vee-round-trip.test.ts.
 *
 * Rules: test/fixtures/vee/synthetic-utility.rules.json, the shipped defaults with a spike level of
 * 1.5× (not 2.4×) the 99th percentile for households: the synthetic households have no appliance
 * bursts above that level. With the shipped defaults spike recall here is about 0.90.
 */
const synth = parseSynthOptions({ customers: 60, days: 60, faultRate: 3, start: '2025-03-01' });
const rules = 'test/fixtures/vee/synthetic-utility.rules.json';
const now = new Date('2026-01-01T00:00:00Z');
const config = { db: ':memory:', timeZone: 'Asia/Shanghai' };
const detectable: readonly FaultType[] = ['gap', 'comm_loss', 'spike', 'stuck', 'negative'];

let wh: Warehouse;
let first: VeeRunResult;
let second: VeeRunResult;
let deliveredChecksum: string;
let afterFirst: Record<string, string>;
const tallies = emptyTallies();

/** Row count and order-independent hash of whole rows of the tables VEE writes. */
async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ['readings', 'reading_edits', 'vee_flags']) {
    const [row] = await wh.query<{ n: number; h: unknown }>(`SELECT count(*) AS n, bit_xor(hash(t)) AS h FROM ${table} t`);
    out[table] = `${row.n}:${String(row.h)}`;
  }
  return out;
}

/** Labels and flags on a common axis (minutes since the epoch), scored with the engine's matching rules. */
async function scoreFlags(): Promise<void> {
  const labels = await wh.query<{ meter_id: number; fault_type: FaultType; s: number; e: number }>(
    'SELECT meter_id, fault_type, epoch_ms(start_ts) AS s, epoch_ms(end_ts) AS e FROM truth.meter_faults');
  const flags = await wh.query<{ meter_id: number; check: Flag['check']; code: string; s: number; e: number }>(
    'SELECT meter_id, "check", code, epoch_ms(start_ts) AS s, epoch_ms(end_ts) AS e FROM vee_flags WHERE channel = 1');
  for (const meterId of new Set([...labels, ...flags].map((r) => r.meter_id))) {
    const l: FaultLabel[] = labels.filter((r) => r.meter_id === meterId).map((r) => ({ faultType: r.fault_type, startIndex: r.s / 60_000, endIndex: r.e / 60_000, detail: '' }));
    const f: Flag[] = flags.filter((r) => r.meter_id === meterId).map((r) => ({
      check: r.check, code: r.code, startIndex: r.s / 60_000, endIndex: r.e / 60_000, severity: 'error', reason: '', reasonZh: '',
    }));
    score(tallies, l, f);
  }
}

beforeAll(async () => {
  wh = await openDuckDb(':memory:', { threads: 1 });
  await migrate(wh);
  await loadSynthetic(wh, synth);
  deliveredChecksum = await readingsChecksum(wh);
  first = await veeRun(config, { rules, now }, { warehouse: wh });
  afterFirst = await fingerprint();
  await scoreFlags();
  second = await veeRun(config, { rules, now }, { warehouse: wh });
  const rows = detectable.map((t) => `${t.padEnd(10)} labels ${tallies[t].labels}  recall ${recall(tallies[t]).toFixed(3)}  flags ${tallies[t].flags}  precision ${precision(tallies[t]).toFixed(3)}`);
  console.log([`vee run through the store: ${first.intervals} intervals in ${first.seconds.toFixed(2)} s (${Math.round(first.intervalsPerSecond)} intervals/s)`, ...rows].join('\n'));
}, 120_000);
afterAll(async () => wh?.close());

const recall = (t: Tally) => t.found / t.labels;
const precision = (t: Tally) => t.correct / t.flags;

describe('vee run on the synthetic utility in the store', () => {
  it('validates every meter over the whole range with every check', () => {
    expect(first.meters).toBe(60);
    expect(first.range).toEqual({ from: '2025-03-01', to: '2025-04-29' });
    expect(first.intervals).toBeGreaterThanOrEqual(60 * 60 * 96);
    expect(first.skippedChecks).toEqual([]);
    expect(first.flags.byCheck.duplicate ?? 0).toBe(0);
  });

  it.each(detectable.map((t) => [t]))('%s: recall ≥ 0.95 and precision ≥ 0.90 against truth.meter_faults', (t: FaultType) => {
    expect(tallies[t].labels).toBeGreaterThan(10);
    expect(recall(tallies[t])).toBeGreaterThanOrEqual(0.95);
    expect(precision(tallies[t])).toBeGreaterThanOrEqual(0.9);
  });

  it('estimates gaps of up to 2 h within 5% of truth.readings on average (register reads from the store)', async () => {
    const gaps = await wh.query<{ truth: number; estimate: number | null; slots: number; estimated: number }>(
      `WITH g AS (SELECT meter_id, start_ts, end_ts FROM truth.meter_faults WHERE fault_type = 'gap')
       SELECT sum(t.kwh) AS truth, count(*) AS slots,
              (SELECT sum(r.kwh) FROM readings r WHERE r.meter_id = g.meter_id AND r.channel = 1 AND r.ts >= g.start_ts AND r.ts < g.end_ts) AS estimate,
              (SELECT count(*) FROM readings r WHERE r.meter_id = g.meter_id AND r.channel = 1 AND r.ts >= g.start_ts AND r.ts < g.end_ts AND r.quality = 1) AS estimated
       FROM g JOIN truth.readings t ON t.meter_id = g.meter_id AND t.channel = 1 AND t.ts >= g.start_ts AND t.ts < g.end_ts
       GROUP BY g.meter_id, g.start_ts, g.end_ts`);
    expect(gaps.length).toBeGreaterThan(200);
    expect(gaps.every((g) => g.estimated === g.slots)).toBe(true);
    const errors = gaps.filter((g) => g.truth >= 0.01).map((g) => Math.abs(g.estimate! - g.truth) / g.truth);
    const mape = errors.reduce((s, e) => s + e, 0) / errors.length;
    console.log(`short-gap totals through the store: MAPE ${(mape * 100).toFixed(2)}% over ${errors.length} gaps`);
    expect(mape).toBeLessThanOrEqual(0.05);
  });

  it('writes estimates with quality 1 and one versioned edit per changed reading', async () => {
    expect(first.edits.written).toBeGreaterThan(1000);
    const [row] = await wh.query<{ estimated: number; edits: number; keys: number; v1: number }>(
      `SELECT (SELECT count(*) FROM readings WHERE quality = 1) AS estimated, count(*) AS edits,
              count(DISTINCT (meter_id, channel, ts, version)) AS keys, count(*) FILTER (WHERE version = 1) AS v1 FROM reading_edits`);
    expect(row.edits).toBe(first.edits.written);
    expect(row.keys).toBe(row.edits);
    expect(row.v1).toBe(row.edits);
    expect(row.estimated).toBe(first.edits.written - (first.edits.byMethod.removed ?? 0));
  });

  it('is idempotent: a second run over the same range changes nothing and adds no edits', async () => {
    expect(second.edits.written).toBe(0);
    expect(second.edits.unchanged).toBe(first.edits.written);
    expect(second.flags.total).toBe(first.flags.total);
    expect(await fingerprint()).toEqual(afterFirst);
    const runs = await wh.query<{ status: string }>('SELECT status FROM vee_runs ORDER BY run_id');
    expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('keeps every original value in reading_edits: the delivered readings can be rebuilt exactly', async () => {
    const [rebuilt] = await wh.query<{ h: unknown }>(
      `SELECT bit_xor(hash(meter_id, channel, ts, kwh, quality)) AS h FROM (
         SELECT r.meter_id, r.channel, r.ts,
                CASE WHEN e.ts IS NULL THEN r.kwh ELSE e.original_kwh END AS kwh,
                CASE WHEN e.ts IS NULL THEN r.quality ELSE CAST(0 AS UTINYINT) END AS quality
         FROM readings r LEFT JOIN reading_edits e ON e.meter_id = r.meter_id AND e.channel = r.channel AND e.ts = r.ts AND e.version = 1
         WHERE e.ts IS NULL OR e.original_kwh IS NOT NULL)`);
    expect(String(rebuilt.h)).toBe(deliveredChecksum);
    const [spikes] = await wh.query<{ n: number; kept: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE e.original_kwh > 5 * e.new_kwh) AS kept
       FROM truth.meter_faults f JOIN reading_edits e ON e.meter_id = f.meter_id AND e.ts = f.start_ts WHERE f.fault_type = 'spike'`);
    expect(spikes.kept / spikes.n).toBeGreaterThan(0.9);
  });
});
