import { NotFoundError } from '../core/errors.js';
import type { Warehouse } from '../warehouse/warehouse.js';

/** Read-only listings the API serves as they are stored: ingest runs and tariffs. */
export async function listIngestRuns(wh: Warehouse, page: number, pageSize: number) {
  const [{ n }] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM ingest_runs');
  const items = await wh.query<Record<string, unknown>>(
    `SELECT run_id AS "runId", kind, started_at AS "startedAt", finished_at AS "finishedAt", status, files,
       rows_read AS "rowsRead", rows_accepted AS "rowsAccepted", rows_quarantined AS "rowsQuarantined", error
     FROM ingest_runs ORDER BY run_id DESC LIMIT ? OFFSET ?`, [pageSize, (page - 1) * pageSize]);
  return { items: items.map(isoDates), total: Number(n), page, pageSize };
}

export async function listTariffs(wh: Warehouse) {
  return wh.query<{ tariffId: string; name: string; nameZh: string; customerClass: string; currency: string }>(
    'SELECT tariff_id AS "tariffId", name, name_zh AS "nameZh", customer_class AS "customerClass", currency FROM tariffs ORDER BY tariff_id');
}

export async function getTariff(wh: Warehouse, tariffId: string) {
  const [row] = await wh.query<{ tariffId: string; name: string; nameZh: string; customerClass: string; currency: string; definition: unknown }>(
    'SELECT tariff_id AS "tariffId", name, name_zh AS "nameZh", customer_class AS "customerClass", currency, definition FROM tariffs WHERE tariff_id = ?', [tariffId]);
  if (!row) throw new NotFoundError('tariff', tariffId);
  return { ...row, definition: typeof row.definition === 'string' ? (JSON.parse(row.definition) as unknown) : row.definition };
}

function isoDates(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}
