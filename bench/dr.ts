/**
 * Demand-response baselines at scale. Cases (each in its own process):
 *   compute N   — every registered baseline (except weather-matched) for N customers for one event:
 *                 45 days of 15-minute load per customer, built in a reused buffer (no storage)
 *   reference N — same-run reference: the plain 10-day interval mean over the same matrices, the
 *                 least work any X-of-Y baseline does
 *   event N     — end to end on a demo store of N customers × 45 days: `dr event create` (targeting
 *                 every customer from the store) and `dr event simulate` with all N targeted
 * Usage: node --import tsx bench/dr.ts              (runs all cases, writes bench/results/dr.json)
 *        node --import tsx bench/dr.ts CASE N       (one case; prints one JSON line)
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baselineRegistry, DayLoadMatrix } from '../src/analytics/dr/index.js';
import { Mulberry32 } from '../src/analytics/ml/random.js';
import { epochDay, WorkCalendar } from '../src/core/time/index.js';
import { drEventCreate, drEventSimulate } from '../src/jobs/dr.js';
import { loadSynthetic } from '../src/jobs/load-synthetic.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import { reportCase, round, runCase, writeResult, type CaseResult } from './lib/harness.js';

const DAYS = 45;
const STEPS = 96;
const FIRST_DAY = epochDay('2025-09-22');
const EVENT_DAY = FIRST_DAY + DAYS - 1; // Wednesday 2025-11-05
const WINDOW = { startMinute: 17 * 60, endMinute: 20 * 60 };

/** Fills the matrix with a customer's load: a daily shape, a per-customer scale and noise. */
function fill(m: DayLoadMatrix, rng: Mulberry32): void {
  const scale = 0.2 + rng.next() * 2;
  for (let d = 0; d < DAYS; d++) {
    const level = scale * (0.8 + 0.4 * rng.next());
    for (let s = 0; s < STEPS; s++) m.kwh[d * STEPS + s] = level * (0.5 + Math.max(0, Math.sin(((s - 28) / STEPS) * 2 * Math.PI))) * (0.8 + 0.4 * rng.next());
  }
  m.invalidate();
}

function compute(customers: number): void {
  const methods = [...baselineRegistry.values()].filter((m) => !m.needsTemperature);
  const m = DayLoadMatrix.empty(FIRST_DAY, DAYS, 15, new WorkCalendar());
  const rng = new Mulberry32(1);
  let fillMs = 0, checksum = 0, baselines = 0;
  const t0 = performance.now();
  for (let c = 0; c < customers; c++) {
    const f0 = performance.now();
    fill(m, rng);
    fillMs += performance.now() - f0;
    for (const method of methods) {
      const outcome = method.compute({ load: m, eventDay: EVENT_DAY, window: WINDOW });
      if (outcome.kind === 'baseline') {
        checksum += outcome.kwh[70];
        baselines++;
      }
    }
  }
  const seconds = (performance.now() - t0 - fillMs) / 1000;
  reportCase(`compute ${customers}`, customers, seconds, { methods: methods.length, baselines, fillSeconds: round(fillMs / 1000, 3), checksum: round(checksum, 3) });
}

function reference(customers: number): void {
  const m = DayLoadMatrix.empty(FIRST_DAY, DAYS, 15, new WorkCalendar());
  const rng = new Mulberry32(1);
  const out = new Float64Array(STEPS);
  let fillMs = 0, checksum = 0;
  const t0 = performance.now();
  for (let c = 0; c < customers; c++) {
    const f0 = performance.now();
    fill(m, rng);
    fillMs += performance.now() - f0;
    out.fill(0);
    for (let d = DAYS - 11; d < DAYS - 1; d++) for (let s = 0; s < STEPS; s++) out[s] += m.kwh[d * STEPS + s] / 10;
    checksum += out[70];
  }
  reportCase(`reference ${customers}`, customers, (performance.now() - t0 - fillMs) / 1000, { fillSeconds: round(fillMs / 1000, 3), checksum: round(checksum, 3) });
}

async function event(customers: number): Promise<void> {
  const path = join(tmpdir(), `gridlens-bench-dr-${process.pid}.duckdb`);
  const wh = await openDuckDb(path, { memoryLimit: '1GB' });
  try {
    await migrate(wh);
    await loadSynthetic(wh, parseSynthOptions({ customers, days: DAYS, start: '2025-09-26' }));
    const config = { db: path };
    const t0 = performance.now();
    const created = await drEventCreate(config, { date: '2025-11-05', targets: customers }, wh);
    const t1 = performance.now();
    const simulated = await drEventSimulate(config, { eventId: created.event.eventId }, wh);
    const t2 = performance.now();
    reportCase(`event ${customers}`, customers, (t2 - t0) / 1000, {
      targetingSeconds: round((t1 - t0) / 1000, 3), simulateSeconds: round((t2 - t1) / 1000, 3), targeted: created.targets.length,
      resultRows: simulated.methods.reduce((s, m) => s + m.customers, 0),
    });
  } finally {
    await wh.close();
    rmSync(path, { force: true });
  }
}

const [mode, n] = process.argv.slice(2);
if (mode) {
  const count = Number(n);
  if (mode === 'compute') compute(count);
  else if (mode === 'reference') reference(count);
  else if (mode === 'event') await event(count);
  else throw new Error(`unknown case ${mode}`);
} else {
  const cases: CaseResult[] = [runCase('dr.ts', ['compute', '100000']), runCase('dr.ts', ['reference', '100000']), runCase('dr.ts', ['event', '1000'])];
  const [c, r] = cases;
  const path = writeResult('dr', { cases, computeOverReference: round(c.seconds / r.seconds, 2) });
  console.error(`wrote ${path}`);
}
