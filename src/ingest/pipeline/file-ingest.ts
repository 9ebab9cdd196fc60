import { describeError } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { Connector, ConnectorContext, Reject, SourceBatch, SourceFile } from '../connector.js';
import { sha256File } from '../files/file-hash.js';
import { BulkRetry } from '../ingest-errors.js';
import type { MeterResolver } from '../readings/meter-resolver.js';
import type { ReadingRules } from '../readings/reading-rules.js';
import { emptyCounts, findAppliedFile, nextFileId, recordFile, type FileCounts, type FileEntry } from './ingest-ledger.js';
import { applyBulkReadings, type BulkMode } from './bulk-readings.js';
import { loadMeters, sourceIdOf, writeNewMeters } from './meter-registry.js';
import { QuarantineWriter } from './quarantine-store.js';
import { KeyOrder, mayCollide, mergeStagedReadings, stageReadings, type MergeCounts } from './readings-merge.js';
import { mergeStagedRecords, stageRecords } from './records-merge.js';

export interface FilePlan {
  readonly file: SourceFile;
  readonly connector: Connector;
}

export interface FileIngestOptions {
  readonly runId: number;
  readonly rules: ReadingRules;
  /** Staged rows of one table that trigger a merge (bounds the merge's memory); default 4M. */
  readonly mergeRows?: number;
  /** Called with bytes of this file consumed so far. */
  readonly onBytes?: (bytes: number) => void;
}

export interface FileSummary extends FileCounts {
  readonly path: string;
  readonly source: string;
  readonly status: 'ingested' | 'skipped' | 'failed';
  /** Why a file was skipped or failed. */
  readonly reason?: string;
  readonly fileId?: number;
  readonly sha256: string;
  readonly bytes: number;
  readonly encoding?: string;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** The first few rejects, for the summary (all are in `quarantine`). */
  readonly rejectSample: readonly Reject[];
  /** How the warehouse engine loaded the file when the connector's bulk path read it (absent: batch by batch). */
  readonly bulk?: BulkMode;
}

const REJECT_SAMPLE = 5;

/**
 * Applies one file: skipped when its content hash is in the ledger; otherwise read, staged,
 * merged, quarantined and recorded in ONE transaction, so a crash leaves nothing of it behind.
 */
export async function ingestFile(wh: Warehouse, plan: FilePlan, options: FileIngestOptions): Promise<FileSummary> {
  const started = performance.now();
  const startedAt = new Date();
  const base = { path: plan.file.path, source: plan.connector.name, bytes: plan.file.bytes };
  let sha256 = '';
  const done = (status: FileSummary['status'], counts: FileCounts, extra: Partial<FileSummary> = {}): FileSummary => {
    const seconds = (performance.now() - started) / 1000;
    return { ...base, ...counts, status, sha256, seconds, rowsPerSecond: seconds > 0 ? counts.rowsRead / seconds : 0, rejectSample: [], ...extra };
  };
  try {
    sha256 = await sha256File(plan.file.path);
    const applied = await findAppliedFile(wh, sha256);
    if (applied) return done('skipped', emptyCounts(), { reason: `same content already ingested as file ${applied.file_id} (${applied.path})`, fileId: applied.file_id });
    const entry = { runId: options.runId, source: plan.connector.name, path: plan.file.path, sha256, bytes: plan.file.bytes, options: plan.connector.config, startedAt };
    const result = await wh.transaction((tx) => applyFile(tx, plan, entry, options, 'direct')).catch((error: unknown) => {
      if (!(error instanceof BulkRetry)) throw error;
      return wh.transaction((tx) => applyFile(tx, plan, entry, options, 'staged'));
    });
    return done('ingested', result.counts, { fileId: result.fileId, encoding: result.encoding, rejectSample: result.sample, ...(result.bulk ? { bulk: result.bulk } : {}) });
  } catch (error) {
    const reason = describeError(error);
    const fileId = await nextFileId(wh);
    await recordFile(wh, { fileId, runId: options.runId, source: base.source, path: base.path, sha256, bytes: base.bytes, options: plan.connector.config, encoding: null, startedAt }, 'failed', emptyCounts(), reason);
    return done('failed', emptyCounts(), { reason, fileId });
  }
}

/**
 * Reads, stages, merges and records one file inside its transaction: through the connector's bulk
 * path when it has one for this file (`bulkMode`: `direct` first, `staged` after a `BulkRetry`),
 * else batch by batch.
 */
async function applyFile(tx: Warehouse, plan: FilePlan, partial: Omit<FileEntry, 'fileId' | 'encoding'>, options: FileIngestOptions, bulkMode: BulkMode): Promise<AppliedFile> {
  const fileId = await nextFileId(tx);
  const meters = await loadMeters(tx);
  const context: ConnectorContext = { meters, rules: options.rules, sql: tx, sourceId: await sourceIdOf(tx, plan.connector.sourceName, plan.connector.name) };
  const quarantine = new QuarantineWriter({ runId: options.runId, fileId, source: plan.connector.name, path: plan.file.path });
  await quarantine.open(tx);
  const counts = emptyCounts();
  const sample: Reject[] = [];
  const bulk = await plan.connector.bulk?.(plan.file, context);
  if (bulk) {
    await applyBulkReadings(tx, bulk, bulkMode, { fileId, quarantine, counts, sample, sampleSize: REJECT_SAMPLE });
    options.onBytes?.(plan.file.bytes);
    return { ...(await finishFile(tx, { ...partial, fileId, encoding: bulk.encoding }, counts, meters, sample)), bulk: bulkMode };
  }
  const stager = new Stager(tx, fileId, options.mergeRows ?? 4_000_000);
  let encoding: string | null = null;
  for await (const batch of plan.connector.read(plan.file, context)) {
    counts.rowsQuarantined += await quarantine.write(tx, batch.rejects);
    if (sample.length < REJECT_SAMPLE) sample.push(...batch.rejects.slice(0, REJECT_SAMPLE - sample.length));
    counts.rowsAccepted += batch.batch.rowCount;
    counts.rowsRead = Math.max(batch.recordsRead, counts.rowsAccepted + counts.rowsQuarantined);
    encoding = batch.encoding ?? encoding;
    await stager.stage(batch);
    options.onBytes?.(batch.bytesRead);
  }
  addMerge(counts, await stager.finish());
  return finishFile(tx, { ...partial, fileId, encoding }, counts, meters, sample);
}

/** Writes the meters the file registered and its ledger row. */
async function finishFile(tx: Warehouse, entry: FileEntry, counts: FileCounts, meters: MeterResolver, sample: Reject[]): Promise<AppliedFile> {
  counts.metersRegistered = await writeNewMeters(tx, meters.newMeters);
  await recordFile(tx, entry, 'done', counts);
  return { fileId: entry.fileId, counts, encoding: entry.encoding ?? undefined, sample };
}

interface AppliedFile {
  readonly fileId: number;
  readonly counts: FileCounts;
  readonly encoding?: string;
  readonly sample: Reject[];
  readonly bulk?: BulkMode;
}

function addMerge(counts: FileCounts, merge: MergeCounts): void {
  counts.rowsInserted += merge.inserted;
  counts.rowsDuplicate += counts.rowsAccepted - merge.inserted;
  counts.rowsSuperseded += merge.superseded;
}

/**
 * Stages batches per table and merges a table whenever enough rows are staged. Readings that
 * arrive sorted and cannot collide with stored keys go straight into `readings` (what the merge
 * would write anyway); from the first unsorted or possibly colliding batch on, they are staged.
 * New keys are counted as the growth of each table, so counts do not depend on the path taken.
 */
class Stager {
  private readonly staged = new Map<string, number>();
  private readonly before = new Map<string, number>();
  private seq = 0;
  private direct = true;
  private readonly directOrder = new KeyOrder();
  private readonly stagedOrder = new KeyOrder();
  private superseded = 0;

  constructor(private readonly tx: Warehouse, private readonly fileId: number, private readonly mergeRows: number) {}

  async stage(batch: SourceBatch): Promise<void> {
    const n = batch.batch.rowCount;
    if (n === 0) return;
    if (!this.before.has(batch.table)) this.before.set(batch.table, await this.count(batch.table));
    if (batch.table === 'readings' && (await this.appendDirect(batch))) return;
    if (batch.table === 'readings') {
      this.stagedOrder.observe(batch.batch);
      await stageReadings(this.tx, batch.batch, this.seq);
    } else {
      await stageRecords(this.tx, batch.table, batch.batch, this.seq);
    }
    this.seq += n;
    const staged = (this.staged.get(batch.table) ?? 0) + n;
    this.staged.set(batch.table, staged);
    if (staged >= this.mergeRows) await this.merge(batch.table);
  }

  /** Merges what is left; returns new keys per the tables' growth and the older values recorded. */
  async finish(): Promise<MergeCounts> {
    let inserted = 0;
    for (const [table, before] of this.before) {
      await this.merge(table);
      inserted += (await this.count(table)) - before;
    }
    return { inserted, duplicate: 0, superseded: this.superseded };
  }

  private async count(table: string): Promise<number> {
    const [row] = await this.tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${this.tx.dialect.quoteIdent(table)}`);
    return row?.n ?? 0;
  }

  private async appendDirect(batch: SourceBatch): Promise<boolean> {
    if (!this.direct) return false;
    this.directOrder.observe(batch.batch);
    if (!this.directOrder.sorted || (await mayCollide(this.tx, batch.batch))) {
      this.direct = false;
      return false;
    }
    await this.tx.append('readings', batch.batch);
    return true;
  }

  private async merge(table: string): Promise<void> {
    if (!this.staged.get(table)) return;
    const readings = table === 'readings';
    const counts = readings ? await mergeStagedReadings(this.tx, this.fileId, this.stagedOrder.sorted) : await mergeStagedRecords(this.tx, table);
    if (readings) this.stagedOrder.reset();
    this.staged.set(table, 0);
    this.superseded += counts.superseded;
  }
}
