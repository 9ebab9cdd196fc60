import { batchFromRows } from '../../core/record-batch.js';
import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';
import type { Reject } from '../connector.js';

/** Where rejects of one file go. */
export interface QuarantineTarget {
  readonly runId: number;
  readonly fileId: number;
  readonly source: string;
  readonly path: string;
}

/** One quarantined record as stored. */
export interface QuarantineEntry {
  readonly quarantine_id: number;
  readonly run_id: number;
  readonly file_id: number;
  readonly source: string;
  readonly path: string;
  readonly line: number | null;
  readonly message_id: string | null;
  readonly raw: string;
  readonly reason_code: string;
  readonly reason: string;
  readonly record: unknown;
  readonly status: string;
  readonly created_at: Date;
  readonly resolved_at: Date | null;
}

/** Appends rejects to `quarantine` in bulk, numbering them from the current maximum id. */
export class QuarantineWriter {
  private nextId = 0;

  constructor(private readonly target: QuarantineTarget) {}

  async open(tx: Warehouse): Promise<void> {
    const [row] = await tx.query<{ id: number | null }>('SELECT max(quarantine_id) AS id FROM quarantine');
    this.nextId = (row?.id ?? 0) + 1;
  }

  async write(tx: Warehouse, rejects: readonly Reject[]): Promise<number> {
    if (rejects.length === 0) return 0;
    const now = new Date();
    const rows = rejects.map((r) => ({
      quarantine_id: this.nextId++, run_id: this.target.runId, file_id: this.target.fileId, source: this.target.source, path: this.target.path,
      line: r.line ?? null, message_id: r.messageId ?? null, raw: r.raw, reason_code: r.code, reason: r.reason,
      record: r.record ? JSON.stringify(r.record) : null, status: 'open', created_at: now, resolved_at: null,
    }));
    return tx.append('quarantine', batchFromRows(rows));
  }
}

export interface QuarantineFilter {
  readonly status?: 'open' | 'replayed';
  readonly file?: string;
  readonly reasonCode?: string;
  readonly limit?: number;
}

/** Quarantined records, newest first. */
export async function listQuarantine(wh: Warehouse, filter: QuarantineFilter = {}): Promise<QuarantineEntry[]> {
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (filter.status) { where.push('status = ?'); params.push(filter.status); }
  if (filter.file) { where.push('path = ?'); params.push(filter.file); }
  if (filter.reasonCode) { where.push('reason_code = ?'); params.push(filter.reasonCode); }
  params.push(filter.limit ?? 100);
  return wh.query<QuarantineEntry & Record<string, unknown>>(
    `SELECT * FROM quarantine ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY quarantine_id DESC LIMIT ?`, params);
}

/** Counts of quarantined records by status and reason. */
export async function quarantineCounts(wh: Warehouse): Promise<{ status: string; reason_code: string; n: number }[]> {
  return wh.query('SELECT status, reason_code, count(*) AS n FROM quarantine GROUP BY status, reason_code ORDER BY status, reason_code');
}

export async function getQuarantineEntry(wh: Warehouse, id: number): Promise<QuarantineEntry | undefined> {
  const rows = await wh.query<QuarantineEntry & Record<string, unknown>>('SELECT * FROM quarantine WHERE quarantine_id = ?', [id]);
  return rows[0];
}
