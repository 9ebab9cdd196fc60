import { epochDay } from '../core/time/index.js';
import { BillHistory, type BillFact, type CustomerFacts } from '../analytics/arrears/index.js';
import type { Row, SqlParam, Warehouse } from '../warehouse/warehouse.js';

/** Local time of the demo utility's customers (Asia/Shanghai, UTC+8). */
export const RISK_UTC_OFFSET_MINUTES = 480;

export type RiskRunKind = 'credit' | 'arrears' | 'theft' | 'lineloss' | 'warning';

export interface RiskRunRecord {
  readonly runId: number;
  readonly kind: RiskRunKind;
  readonly asOf: string;
  readonly modelVersion: string;
  readonly model: unknown;
  readonly metrics: unknown;
  readonly stats: unknown;
}

const dayOf = (v: unknown): number | null => (v === null || v === undefined ? null : epochDay(String(v).slice(0, 10)));

/** The next run id of every risk table (one sequence over `risk_runs`). */
export async function nextRiskRunId(wh: Warehouse): Promise<number> {
  const [row] = await wh.query<{ id: number | null }>('SELECT max(run_id) AS id FROM risk_runs');
  return Number(row?.id ?? 0) + 1;
}

export async function recordRiskRun(wh: Warehouse, run: RiskRunRecord): Promise<void> {
  await wh.append('risk_runs', {
    rowCount: 1,
    columns: {
      run_id: [run.runId], kind: [run.kind], started_at: [new Date()], as_of: [run.asOf], model_version: [run.modelVersion],
      model: [run.model ?? null], metrics: [run.metrics], stats: [run.stats],
    },
  });
}

/** The latest run of a kind (before `beforeRunId` when given), or null. */
export async function latestRiskRun(wh: Warehouse, kind: RiskRunKind, beforeRunId?: number): Promise<{ runId: number; asOf: string } | null> {
  const params: SqlParam[] = [kind];
  let sql = 'SELECT run_id, CAST(as_of AS VARCHAR) AS as_of FROM risk_runs WHERE kind = ?';
  if (beforeRunId !== undefined) {
    sql += ' AND run_id < ?';
    params.push(beforeRunId);
  }
  const [row] = await wh.query<{ run_id: number; as_of: string }>(`${sql} ORDER BY run_id DESC LIMIT 1`, params);
  return row ? { runId: Number(row.run_id), asOf: String(row.as_of) } : null;
}

/** The last local day with billing or payment data: the default as-of day of credit and arrears runs. */
export async function dataEndDay(wh: Warehouse): Promise<number> {
  const local = wh.dialect.localDate('paid_at', RISK_UTC_OFFSET_MINUTES);
  const [row] = await wh.query<{ bills: unknown; pays: unknown }>(
    `SELECT (SELECT CAST(max(issue_date) AS VARCHAR) FROM bills) AS bills, (SELECT CAST(max(${local}) AS VARCHAR) FROM payments) AS pays`);
  const days = [dayOf(row?.bills), dayOf(row?.pays)].filter((d): d is number => d !== null);
  if (days.length === 0) return epochDay(new Date().toISOString().slice(0, 10));
  return Math.max(...days);
}

/** Customers with their account facts, in customer id order. */
async function loadCustomers(wh: Warehouse): Promise<{ facts: CustomerFacts[]; region: Map<string, string> }> {
  const rows = await wh.query(`
    SELECT c.customer_id AS customer_id, c.customer_type AS customer_type, CAST(c.open_date AS VARCHAR) AS open_date, c.region AS region,
      coalesce(sum(a.deposit_cny), 0) AS deposit, coalesce(bool_or(a.prepaid), false) AS prepaid
    FROM customers c LEFT JOIN accounts a ON a.customer_id = c.customer_id
    GROUP BY c.customer_id, c.customer_type, c.open_date, c.region ORDER BY c.customer_id`);
  const region = new Map<string, string>();
  const facts = rows.map((r) => {
    region.set(String(r.customer_id), String(r.region));
    return {
      customerId: String(r.customer_id), customerType: String(r.customer_type), openDay: dayOf(r.open_date) ?? 0,
      depositCny: Number(r.deposit), prepaid: Boolean(r.prepaid),
    };
  });
  return { facts, region };
}

/** Local days of returned payments per bill. */
async function loadReturned(wh: Warehouse): Promise<Map<string, number[]>> {
  const local = wh.dialect.localDate('paid_at', RISK_UTC_OFFSET_MINUTES);
  const rows = await wh.query(`SELECT bill_id, CAST(${local} AS VARCHAR) AS day FROM payments WHERE status = 'returned'`);
  const out = new Map<string, number[]>();
  for (const r of rows) out.set(String(r.bill_id), [...(out.get(String(r.bill_id)) ?? []), dayOf(r.day) ?? 0]);
  return out;
}

/** Every customer's bills with the day settled payments covered each (pushed down as SQL), streamed in customer order. */
export async function loadBillHistories(wh: Warehouse): Promise<{ histories: BillHistory[]; region: Map<string, string> }> {
  const { facts, region } = await loadCustomers(wh);
  const returned = await loadReturned(wh);
  const local = wh.dialect.localDate('p.paid_at', RISK_UTC_OFFSET_MINUTES);
  const sql = `
    WITH p AS (
      SELECT p.bill_id AS bill_id, ${local} AS day, p.paid_at AS paid_at,
        sum(CASE WHEN p.status = 'settled' THEN p.amount ELSE 0 END) OVER (PARTITION BY p.bill_id ORDER BY p.paid_at ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
        p.status AS status
      FROM payments p),
    s AS (
      SELECT p.bill_id AS bill_id, min(CASE WHEN p.status = 'settled' AND p.cum >= b.amount - 0.01 THEN p.day END) AS settled
      FROM p JOIN bills b ON b.bill_id = p.bill_id GROUP BY p.bill_id)
    SELECT b.customer_id AS customer_id, b.bill_id AS bill_id, CAST(b.issue_date AS VARCHAR) AS issue, CAST(b.due_date AS VARCHAR) AS due,
      b.amount AS amount, b.kwh_total AS kwh, CAST(s.settled AS VARCHAR) AS settled
    FROM bills b LEFT JOIN s ON s.bill_id = b.bill_id
    ORDER BY b.customer_id, b.issue_date`;
  const bills = new Map<string, BillFact[]>();
  for await (const batch of wh.stream<Row>(sql, [], 50_000)) {
    for (const r of batch) {
      const id = String(r.customer_id);
      const issueDay = dayOf(r.issue) ?? 0;
      const amount = Number(r.amount);
      const list = bills.get(id) ?? [];
      list.push({
        billId: String(r.bill_id), issueDay, dueDay: dayOf(r.due) ?? issueDay, amount, kwh: Number(r.kwh),
        settledDay: amount <= 0.005 ? issueDay : dayOf(r.settled), returnedDays: returned.get(String(r.bill_id)) ?? [],
      });
      bills.set(id, list);
    }
  }
  return { histories: facts.map((f) => new BillHistory(f, bills.get(f.customerId) ?? [])), region };
}

/** Latest inspection outcome per customer (the labels of the theft detector). */
export async function latestInspectionOutcomes(wh: Warehouse): Promise<{ customerId: string; meterId: number | null; outcome: 'confirmed' | 'clear'; inspectedAt: string }[]> {
  const rows = await wh.query(`
    SELECT customer_id, meter_id, outcome, CAST(inspected_at AS VARCHAR) AS inspected_at FROM (
      SELECT *, row_number() OVER (PARTITION BY customer_id, coalesce(meter_id, -1) ORDER BY inspected_at DESC) AS k FROM inspection_outcomes) x
    WHERE k = 1 ORDER BY customer_id`);
  return rows.map((r) => ({
    customerId: String(r.customer_id), meterId: r.meter_id === null ? null : Number(r.meter_id),
    outcome: r.outcome === 'confirmed' ? 'confirmed' : 'clear', inspectedAt: String(r.inspected_at),
  }));
}

