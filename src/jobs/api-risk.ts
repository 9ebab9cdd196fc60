import type { GridLensConfig } from '../core/config.js';
import { NotFoundError } from '../core/errors.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { customersInRegions } from './api-regions.js';
import type { Regions } from './customers.js';
import { listsShow } from './lists.js';
import { riskList, type RiskListResult } from './risk.js';
import { latestRiskRun } from './risk-store.js';

/**
 * Risk reads for the API server: the stored theft inspection list, alerts, red/black lists and a
 * customer's credit rating on the server's open warehouse, limited to the caller's districts.
 * Names come back in clear here; the API masks them.
 */
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

async function namesOf(wh: Warehouse, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const rows = await wh.query<{ customer_id: string; name: string }>(`SELECT customer_id, name FROM customers WHERE customer_id IN (${chunk.map(() => '?').join(', ')})`, chunk);
    for (const r of rows) names.set(r.customer_id, r.name);
  }
  return names;
}

/** The latest theft run's ranked inspection list (riskList's shape) with each customer's name, only customers in `regions`. */
export async function theftInspectionList(config: Pick<GridLensConfig, 'db'>, wh: Warehouse, request: { top: number; regions: Regions }): Promise<RiskListResult> {
  const list = await riskList(config, { kind: 'theft', top: request.top }, { warehouse: wh });
  const ids = [...new Set(list.entries.map((e) => String(e.customerId)))];
  const allowed = await customersInRegions(wh, ids, request.regions);
  const names = await namesOf(wh, [...allowed]);
  return { ...list, entries: list.entries.filter((e) => allowed.has(String(e.customerId))).map((e) => ({ ...e, name: names.get(String(e.customerId)) ?? null })) };
}

export interface AlertRow {
  readonly level: string;
  readonly subjectId: string;
  readonly kind: string;
  readonly severity: string;
  readonly value: number;
  readonly threshold: number;
  readonly message: unknown;
  readonly raisedAt: string;
}

/**
 * The alerts of the latest early-warning run, most severe first. A caller limited to districts sees
 * only customer-level alerts of customers in them (area and region alerts aggregate other districts).
 */
export async function riskAlertList(wh: Warehouse, request: { regions: Regions; severity?: string; level?: string; limit: number }): Promise<{ runId: number | null; alerts: AlertRow[] }> {
  const run = await latestRiskRun(wh, 'warning');
  if (!run) return { runId: null, alerts: [] };
  const where = ['run_id = ?'];
  const params: (string | number)[] = [run.runId];
  if (request.severity) { where.push('severity = ?'); params.push(request.severity); }
  if (request.level) { where.push('level = ?'); params.push(request.level); }
  if (request.regions !== null) where.push("level = 'customer'");
  const rows = await wh.query(`SELECT level, subject_id, kind, severity, value, threshold, message, CAST(raised_at AS VARCHAR) AS raised_at FROM risk_alerts
    WHERE ${where.join(' AND ')} ORDER BY CASE severity WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END, value DESC, subject_id`, params);
  const allowed = await customersInRegions(wh, rows.map((r) => String(r.subject_id)), request.regions);
  const alerts = rows.filter((r) => request.regions === null || allowed.has(String(r.subject_id))).slice(0, request.limit).map((r) => ({
    level: String(r.level), subjectId: String(r.subject_id), kind: String(r.kind), severity: String(r.severity), value: Number(r.value), threshold: Number(r.threshold),
    message: json(r.message), raisedAt: String(r.raised_at),
  }));
  return { runId: run.runId, alerts };
}

/** Current red or black list entries of customers in `regions`, with each customer's name. */
export async function riskListEntries(config: Pick<GridLensConfig, 'db'>, wh: Warehouse, request: { kind: 'red' | 'black'; regions: Regions; limit: number }) {
  const shown = await listsShow(config, { kind: request.kind }, { warehouse: wh });
  const allowed = await customersInRegions(wh, shown.entries.map((e) => e.customerId), request.regions);
  const entries = shown.entries.filter((e) => allowed.has(e.customerId)).slice(0, request.limit);
  const names = await namesOf(wh, entries.map((e) => e.customerId));
  return { kind: request.kind, entries: entries.map((e) => ({ ...e, name: names.get(e.customerId) ?? null })) };
}

/** The customer's rating of the latest credit run: score, grade, reasons. */
export async function creditOfCustomer(wh: Warehouse, customerId: string) {
  const run = await latestRiskRun(wh, 'credit');
  if (!run) throw new NotFoundError('credit rating (no credit run yet) of customer', customerId);
  const [r] = await wh.query(`SELECT score, bad_probability, grade, demerit_rating, cash_only, reasons, CAST(as_of AS VARCHAR) AS as_of, model_version
    FROM credit_ratings WHERE run_id = ? AND customer_id = ?`, [run.runId, customerId]);
  if (!r) throw new NotFoundError(`credit rating in run ${run.runId} of customer`, customerId);
  return {
    customerId, runId: run.runId, asOf: String(r.as_of), score: Number(r.score), badProbability: Number(r.bad_probability), grade: String(r.grade),
    demeritRating: Number(r.demerit_rating), cashOnly: Boolean(r.cash_only), reasons: (json(r.reasons) ?? []) as unknown[], modelVersion: String(r.model_version),
  };
}
