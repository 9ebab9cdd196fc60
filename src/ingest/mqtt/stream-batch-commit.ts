import type { Warehouse } from '../../warehouse/warehouse.js';
import type { Reject } from '../connector.js';
import { nextFileId, recordFile, type FileCounts } from '../pipeline/ingest-ledger.js';
import { writeNewMeters } from '../pipeline/meter-registry.js';
import { QuarantineWriter, type QuarantineTarget } from '../pipeline/quarantine-store.js';
import { mergeStagedReadings, stageReadings, type MergeCounts } from '../pipeline/readings-merge.js';
import type { StreamBatch } from '../stream-connector.js';

/** Where the batches of one stream run are recorded. */
export interface StreamLedgerTarget {
  readonly runId: number;
  /** Connector name, recorded as the ledger and quarantine source. */
  readonly source: string;
  /** The stream's location (no credentials), recorded as the ledger and quarantine path. */
  readonly path: string;
  /** Connector config with secrets redacted. */
  readonly options: unknown;
}

const ID_CHUNK = 500;
const noMerge: MergeCounts = { inserted: 0, duplicate: 0, superseded: 0 };

/**
 * Commits one stream batch in ONE transaction: new meters, readings staged and merged by
 * (meter_id, channel, ts) — a redelivered reading is identical and changes nothing — rejects not
 * quarantined before, and the batch's ledger row. Returns the ledger counts.
 */
export async function commitStreamBatch(wh: Warehouse, batch: StreamBatch, target: StreamLedgerTarget): Promise<FileCounts> {
  const startedAt = new Date();
  return wh.transaction(async (tx) => {
    const fileId = await nextFileId(tx);
    const quarantined = await quarantineOnce(tx, { runId: target.runId, fileId, source: target.source, path: target.path }, batch.rejects);
    const metersRegistered = await writeNewMeters(tx, batch.newMeters);
    const merge = batch.batch.rowCount > 0 ? await mergeReadings(tx, batch, fileId) : noMerge;
    const counts: FileCounts = {
      rowsRead: batch.recordsRead, rowsAccepted: batch.batch.rowCount, rowsQuarantined: quarantined, rowsInserted: merge.inserted,
      rowsDuplicate: batch.batch.rowCount - merge.inserted, rowsSuperseded: merge.superseded, metersRegistered,
    };
    const entry = { fileId, runId: target.runId, source: target.source, path: target.path, sha256: batch.sha256, bytes: batch.bytes, options: target.options, encoding: null, startedAt };
    await recordFile(tx, entry, 'done', counts);
    return counts;
  });
}

async function mergeReadings(tx: Warehouse, batch: StreamBatch, fileId: number): Promise<MergeCounts> {
  await stageReadings(tx, batch.batch, 0);
  return mergeStagedReadings(tx, fileId, false);
}

/**
 * Writes the rejects that are not in quarantine yet (same source, message id and raw text): a
 * malformed message the broker redelivers is kept once, like a reading. Returns rows written.
 */
async function quarantineOnce(tx: Warehouse, target: QuarantineTarget, rejects: readonly Reject[]): Promise<number> {
  if (rejects.length === 0) return 0;
  const key = (messageId: string | null | undefined, raw: string) => `${messageId ?? ''}\u0000${raw}`;
  const fresh = new Map<string, Reject>();
  for (const r of rejects) if (!fresh.has(key(r.messageId, r.raw))) fresh.set(key(r.messageId, r.raw), r);
  const ids = [...new Set(rejects.map((r) => r.messageId ?? ''))];
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const chunk = ids.slice(i, i + ID_CHUNK);
    const seen = await tx.query<{ message_id: string; raw: string }>(
      `SELECT message_id, raw FROM quarantine WHERE source = ? AND message_id IN (${chunk.map(() => '?').join(', ')})`, [target.source, ...chunk]);
    for (const row of seen) fresh.delete(key(row.message_id, row.raw));
  }
  if (fresh.size === 0) return 0;
  const writer = new QuarantineWriter(target);
  await writer.open(tx);
  return writer.write(tx, [...fresh.values()]);
}
