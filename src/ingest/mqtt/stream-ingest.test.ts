import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../warehouse/duckdb/index.js';
import { migrate } from '../../warehouse/migrations/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { Reject } from '../connector.js';
import { ReadingBatchBuilder } from '../readings/reading-batch.js';
import type { StreamBatch, StreamConnector, StreamContext } from '../stream-connector.js';
import { ingestStream } from './stream-ingest.js';

type Reading = readonly [meterNo: string, minute: number, kwh: number];
const t0 = Date.UTC(2026, 0, 1);

/** A stream connector that replays scripted batches and logs when each is acknowledged. */
class ScriptedStream implements StreamConnector {
  readonly name = 'mqtt';
  readonly config = {};
  readonly tables = ['readings'];
  readonly sourceName = 'mqtt-test';
  readonly location = 'mqtt://test/gridlens/meters/+/readings';
  readonly printableConfig = { password: '***' };

  constructor(private readonly script: readonly { readings: readonly Reading[]; rejects?: readonly Reject[] }[], private readonly log: string[]) {}

  async *read(context: StreamContext): AsyncIterable<StreamBatch> {
    for (const [i, step] of this.script.entries()) {
      const builder = new ReadingBatchBuilder({ meters: context.meters(), rules: context.rules(), sourceId: context.sourceId, batchRows: 100, registerMeters: false, intervalMinutes: 15 });
      for (const [meterNo, minute, kwh] of step.readings) builder.add(meterNo, 1, t0 + minute * 60_000, kwh, { messageId: `${meterNo}@${minute}` }, 'raw');
      const batch = builder.take(10);
      yield { ...batch, rejects: [...batch.rejects, ...(step.rejects ?? [])], messages: step.readings.length, redelivered: 0, bytes: 10, sha256: `h${i}`, newMeters: [], ack: () => void this.log.push(`ack ${i}`) };
    }
  }
}

let wh: Warehouse;
let log: string[];

beforeEach(async () => {
  wh = await openDuckDb(':memory:');
  await migrate(wh);
  await wh.run("INSERT INTO meters VALUES (1, 'A', 'C1', 'TA1', 1, 15, 'import', 1, '2020-01-01'), (2, 'B', 'C2', 'TA1', 1, 15, 'import', 1, '2020-01-01')");
  log = [];
  const transaction = wh.transaction.bind(wh);
  wh.transaction = async (work) => { const result = await transaction(work); log.push('commit'); return result; };
});
afterEach(async () => wh.close());

const stored = async () => (await wh.query<{ m: number; ts: Date; kwh: number }>('SELECT meter_id AS m, ts, kwh FROM readings ORDER BY meter_id, ts'))
  .map((r) => `${r.m} ${r.ts.toISOString().slice(11, 16)} ${r.kwh}`);
const badJson: Reject = { messageId: 'gridlens/meters/A/readings mid=3', raw: '{"ts":', code: 'malformed', reason: 'bad JSON: Unexpected end of JSON input' };

describe('ingestStream', () => {
  it('acknowledges each batch only after its commit, and stores a redelivered batch once', async () => {
    const first = [['A', 0, 1], ['A', 15, 2], ['B', 0, 3]] as const;
    const summary = await ingestStream(wh, new ScriptedStream([{ readings: first }, { readings: [...first, ['B', 15, 4]] }], log));
    expect(log).toEqual(['commit', 'ack 0', 'commit', 'ack 1']);
    expect(await stored()).toEqual(['1 00:00 1', '1 00:15 2', '2 00:00 3', '2 00:15 4']);
    expect(summary.totals).toMatchObject({ batches: 2, messages: 7, read: 7, accepted: 7, inserted: 4, duplicates: 3, superseded: 0, quarantined: 0 });
    const files = await wh.query('SELECT source, path, content_sha256, rows_read, rows_inserted, rows_duplicate, status FROM ingest_files ORDER BY file_id');
    expect(files).toEqual([
      { source: 'mqtt', path: 'mqtt://test/gridlens/meters/+/readings', content_sha256: 'h0', rows_read: 3, rows_inserted: 3, rows_duplicate: 0, status: 'done' },
      { source: 'mqtt', path: 'mqtt://test/gridlens/meters/+/readings', content_sha256: 'h1', rows_read: 4, rows_inserted: 1, rows_duplicate: 3, status: 'done' },
    ]);
    expect(await wh.query('SELECT status, files, rows_read FROM ingest_runs')).toEqual([{ status: 'done', files: 2, rows_read: 7 }]);
    expect(await wh.query('SELECT name, kind FROM sources')).toEqual([{ name: 'mqtt-test', kind: 'mqtt' }]);
  });

  it('keeps a corrected value and records the older one; quarantines a redelivered bad message once', async () => {
    await ingestStream(wh, new ScriptedStream([
      { readings: [['A', 0, 1], ['Z', 0, 5]], rejects: [badJson] },
      { readings: [['A', 0, 1.5], ['Z', 0, 5]], rejects: [badJson, badJson] },
    ], log));
    expect(await stored()).toEqual(['1 00:00 1.5']);
    expect(await wh.query('SELECT kwh FROM superseded_readings')).toEqual([{ kwh: 1 }]);
    const quarantine = await wh.query<{ message_id: string; reason_code: string }>('SELECT message_id, reason_code, source, path FROM quarantine ORDER BY quarantine_id');
    expect(quarantine).toEqual([
      { message_id: 'Z@0', reason_code: 'unknown_meter', source: 'mqtt', path: 'mqtt://test/gridlens/meters/+/readings' },
      { message_id: badJson.messageId, reason_code: 'malformed', source: 'mqtt', path: 'mqtt://test/gridlens/meters/+/readings' },
    ]);
  });

  it('does not acknowledge a batch whose commit failed, and records the run as failed', async () => {
    const transaction = wh.transaction.bind(wh);
    let calls = 0;
    wh.transaction = async (work) => (++calls === 2 ? Promise.reject(new Error('disk full')) : transaction(work));
    await expect(ingestStream(wh, new ScriptedStream([{ readings: [['A', 0, 1]] }, { readings: [['A', 15, 1]] }], log))).rejects.toThrow('disk full');
    expect(log).toEqual(['commit', 'ack 0']);
    expect(await wh.query('SELECT status, error FROM ingest_runs')).toEqual([{ status: 'failed', error: 'disk full' }]);
    expect(await stored()).toEqual(['1 00:00 1']);
  });

  it('reports progress after every batch with the running totals and the batch rejects', async () => {
    const progress: string[] = [];
    await ingestStream(wh, new ScriptedStream([{ readings: [['A', 0, 1]] }, { readings: [['Q', 0, 1]] }], log), {
      onProgress: (p) => progress.push(`${p.totals.batches} ${p.totals.accepted} ${p.rejects.length}`),
    });
    expect(progress).toEqual(['1 1 0', '2 1 1']);
  });
});
