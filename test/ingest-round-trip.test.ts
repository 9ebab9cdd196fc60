import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/jobs/ingest.js';
import { loadSynthetic, readingsChecksum } from '../src/jobs/load-synthetic.js';
import { writeSynthFiles } from '../src/jobs/write-synth-files.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { bulkUnder, csvEngines } from './csv-engines.testkit.js';

/**
 * Round trip: the synthetic utility written as files and ingested into an empty store gives back
 * the generator's readings exactly (one value per key after the duplicate rule), from every format.
 */
const request = { customers: 30, days: 20 };
const dir = mkdtempSync(join(tmpdir(), 'gridlens-roundtrip-'));
let generator: Warehouse;
const config = { db: ':memory:' };

const checksum = async (wh: Warehouse, where = 'TRUE') =>
  String((await wh.query<{ h: unknown }>(`SELECT bit_xor(hash(meter_id, channel, ts, kwh, quality)) AS h FROM readings WHERE ${where}`))[0].h);

async function ingestInto(paths: string[], options: Record<string, unknown> = {}) {
  const wh = await openDuckDb(':memory:');
  await migrate(wh);
  const result = await ingest(config, { paths: paths.map((p) => join(dir, p)), options }, { warehouse: wh });
  return { wh, result };
}

beforeAll(async () => {
  await writeSynthFiles(request, dir, { greenButtonMeters: 5 });
  generator = await openDuckDb(':memory:');
  await migrate(generator);
  await loadSynthetic(generator, parseSynthOptions(request));
}, 120_000);
afterAll(async () => {
  await generator?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(csvEngines)('round trip of the CSV exports into an empty store (engine %s)', (engine) => {
  it('CSV long layout (with the duplicate deliveries) reproduces the generator checksum', async () => {
    const { wh, result } = await ingestInto(['csv/meters.csv', 'csv/readings.csv'], { batchRows: 5000, engine });
    expect(result.files[1].bulk).toBe(bulkUnder(engine, 'staged'));
    expect(result.totals.quarantined).toBe(0);
    expect(result.files[1].rowsDuplicate).toBeGreaterThan(0);
    expect(await readingsChecksum(wh)).toBe(await readingsChecksum(generator));
    await wh.close();
  });

  it('CSV wide layout reproduces the import channel (batches filling mid-row)', async () => {
    const { wh } = await ingestInto(['csv/meters.csv', 'csv/readings_wide.csv'], { batchRows: 1000, engine });
    expect(await checksum(wh, 'channel = 1')).toBe(await checksum(generator, 'channel = 1'));
    await wh.close();
  });

  it('the whole export directory ingests cleanly and reproduces readings, events and reference data', async () => {
    const { wh, result } = await ingestInto(['.'], { engine });
    expect(result.totals).toMatchObject({ failed: 0, quarantined: 0 });
    expect(result.skipped.some((s) => s.path.includes('truth'))).toBe(true);
    expect(await readingsChecksum(wh)).toBe(await readingsChecksum(generator));
    for (const table of ['customers', 'accounts', 'meters', 'transformer_areas', 'tariffs', 'equipment', 'events']) {
      const count = async (w: Warehouse) => (await w.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0].n;
      expect({ table, n: await count(wh) }).toEqual({ table, n: await count(generator) });
    }
    await wh.close();
  });
});

describe('round trip of the other formats into an empty store', () => {
  it('Parquet reproduces the generator checksum', async () => {
    const { wh } = await ingestInto(['csv/meters.csv', 'parquet/readings.parquet']);
    expect(await readingsChecksum(wh)).toBe(await readingsChecksum(generator));
    await wh.close();
  });

  it('Green Button reproduces the import channel of the meters it covers', async () => {
    const { wh, result } = await ingestInto(['csv/meters.csv', 'green-button']);
    expect(result.files.filter((f) => f.source === 'green-button')).toHaveLength(5);
    const covered = (await wh.query<{ m: number }>('SELECT DISTINCT meter_id AS m FROM readings')).map((r) => r.m).join(',');
    expect(await checksum(wh)).toBe(await checksum(generator, `channel = 1 AND meter_id IN (${covered})`));
    await wh.close();
  });
});
