import { stagingTableName } from '../../warehouse/schema/ingest-tables.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { BulkSource, BulkTarget, Reject, RereadBatch } from '../connector.js';
import type { FileCounts } from './ingest-ledger.js';
import type { QuarantineWriter } from './quarantine-store.js';
import { mergeStagedReadings } from './readings-merge.js';

/** Known meters, one row per meter number (the last id wins, as the resolver's map does). */
const METERS_RELATION = '(SELECT meter_no, max(meter_id) AS meter_id FROM meters GROUP BY meter_no)';

export type BulkMode = BulkTarget['mode'];

export interface BulkFile {
  readonly fileId: number;
  readonly quarantine: QuarantineWriter;
  readonly counts: FileCounts;
  /** Rejects for the summary (the first few). */
  readonly sample: Reject[];
  readonly sampleSize: number;
}

/**
 * Loads a file through its connector's bulk path inside the file's transaction. `direct` appends
 * to `readings` (the load throws `BulkRetry` when the file needs more); `staged` loads into the
 * staging table, adds the re-read records' readings and merges by the duplicate rule. Rejects go to
 * quarantine in the same transaction; the counts are those the JS path gives.
 */
export async function applyBulkReadings(tx: Warehouse, bulk: BulkSource, mode: BulkMode, file: BulkFile): Promise<void> {
  const [{ stored }] = await tx.query<{ stored: boolean }>('SELECT EXISTS (SELECT 1 FROM readings) AS stored');
  const load = await bulk.load(tx, { mode, meters: METERS_RELATION, storeHasReadings: stored });
  const { counts } = file;
  counts.rowsAccepted += load.rows;
  for await (const reread of load.reread) {
    const rejects = reread.batch.rejects;
    counts.rowsQuarantined += await file.quarantine.write(tx, rejects);
    file.sample.push(...rejects.slice(0, Math.max(0, file.sampleSize - file.sample.length)));
    counts.rowsAccepted += reread.batch.batch.rowCount;
    await stageReread(tx, reread);
  }
  counts.rowsRead = counts.rowsAccepted + counts.rowsQuarantined;
  if (mode === 'direct') {
    counts.rowsInserted += load.rows;
    return;
  }
  const merge = await mergeStagedReadings(tx, file.fileId, false);
  counts.rowsInserted += merge.inserted;
  counts.rowsDuplicate += counts.rowsAccepted - merge.inserted;
  counts.rowsSuperseded += merge.superseded;
}

async function stageReread(tx: Warehouse, reread: RereadBatch): Promise<void> {
  const batch = reread.batch.batch;
  if (batch.rowCount === 0) return;
  await tx.append(stagingTableName('readings'), { rowCount: batch.rowCount, columns: { ...batch.columns, seq: reread.seq } });
}
