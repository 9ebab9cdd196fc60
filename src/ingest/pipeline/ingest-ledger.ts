import type { Warehouse } from '../../warehouse/warehouse.js';

/** Counts of one file, as written to `ingest_files`. */
export interface FileCounts {
  rowsRead: number;
  rowsAccepted: number;
  rowsQuarantined: number;
  rowsInserted: number;
  rowsDuplicate: number;
  rowsSuperseded: number;
  metersRegistered: number;
}

export const emptyCounts = (): FileCounts => ({
  rowsRead: 0, rowsAccepted: 0, rowsQuarantined: 0, rowsInserted: 0, rowsDuplicate: 0, rowsSuperseded: 0, metersRegistered: 0,
});

export interface FileEntry {
  readonly fileId: number;
  readonly runId: number;
  readonly source: string;
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly options: unknown;
  readonly encoding: string | null;
  readonly startedAt: Date;
}

async function nextId(wh: Warehouse, table: string, column: string): Promise<number> {
  const q = wh.dialect.quoteIdent;
  const [row] = await wh.query<{ id: number | null }>(`SELECT max(${q(column)}) AS id FROM ${q(table)}`);
  return (row?.id ?? 0) + 1;
}

/** Opens a run (its own statement, outside any file transaction, so an interrupted run stays visible as `running`). */
export async function startRun(wh: Warehouse, kind: 'ingest' | 'replay', request: unknown): Promise<number> {
  const runId = await nextId(wh, 'ingest_runs', 'run_id');
  await wh.run(
    `INSERT INTO ingest_runs (run_id, kind, started_at, status, request, files, rows_read, rows_accepted, rows_quarantined)
     VALUES (?, ?, ?, 'running', ?, 0, 0, 0, 0)`, [runId, kind, new Date(), JSON.stringify(request)]);
  return runId;
}

export async function finishRun(wh: Warehouse, runId: number, totals: { files: number; read: number; accepted: number; quarantined: number }, error?: string): Promise<void> {
  await wh.run(
    `UPDATE ingest_runs SET finished_at = ?, status = ?, files = ?, rows_read = ?, rows_accepted = ?, rows_quarantined = ?, error = ? WHERE run_id = ?`,
    [new Date(), error ? 'failed' : 'done', totals.files, totals.read, totals.accepted, totals.quarantined, error ?? null, runId]);
}

/** The `done` ledger row of a file with this content, if it was applied before. */
export async function findAppliedFile(wh: Warehouse, sha256: string): Promise<{ file_id: number; path: string; finished_at: Date } | undefined> {
  const rows = await wh.query<{ file_id: number; path: string; finished_at: Date }>(
    `SELECT file_id, path, finished_at FROM ingest_files WHERE content_sha256 = ? AND status = 'done' ORDER BY file_id LIMIT 1`, [sha256]);
  return rows[0];
}

export async function nextFileId(wh: Warehouse): Promise<number> {
  return nextId(wh, 'ingest_files', 'file_id');
}

/** Writes the ledger row of a file; inside the file's transaction for `done`, on its own for `failed`. */
export async function recordFile(wh: Warehouse, entry: FileEntry, status: 'done' | 'failed', counts: FileCounts, error?: string): Promise<void> {
  await wh.run(
    `INSERT INTO ingest_files (file_id, run_id, source, path, content_sha256, bytes, status, options, encoding, rows_read, rows_accepted,
       rows_quarantined, rows_inserted, rows_duplicate, rows_superseded, meters_registered, started_at, finished_at, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [entry.fileId, entry.runId, entry.source, entry.path, entry.sha256, entry.bytes, status, JSON.stringify(entry.options), entry.encoding,
      counts.rowsRead, counts.rowsAccepted, counts.rowsQuarantined, counts.rowsInserted, counts.rowsDuplicate,
      counts.rowsSuperseded, counts.metersRegistered, entry.startedAt, new Date(), error ?? null]);
}
