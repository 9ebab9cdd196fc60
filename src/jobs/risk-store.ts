import { epochDay } from '../core/time/index.js';
import { BillBook } from '../analytics/arrears/index.js';
import type { SqlParam, Warehouse } from '../warehouse/warehouse.js';

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

/** Epoch day (days since 1970-01-01) of a DATE expression, as a number column. */
const epochDayOf = (wh: Warehouse, dateExpr: string) => `floor(${wh.dialect.epochMs(`CAST(${dateExpr} AS TIMESTAMP)`)} / 86400000)`;

/** Customers' positions in the book (customer id order). */
const CODED_CUSTOMERS = 'coded AS (SELECT customer_id, row_number() OVER (ORDER BY customer_id) - 1 AS code FROM customers)';
/** The order of bills in the book (over `bills b JOIN coded`). */
const BOOK_ORDER = 'coded.code, b.issue_date, b.bill_id';

/** Customer ids in id order with their numeric facts. */
async function loadCustomerColumns(wh: Warehouse): Promise<{ customerIds: string[]; openDay: Float64Array; depositCny: Float64Array; regions: number }> {
  const ids = await wh.query<{ customer_id: string }>('SELECT customer_id FROM customers ORDER BY customer_id');
  const facts = await wh.queryNumeric(`
    SELECT coalesce(${epochDayOf(wh, 'c.open_date')}, 0) AS open_day, coalesce(sum(a.deposit_cny), 0) AS deposit
    FROM customers c LEFT JOIN accounts a ON a.customer_id = c.customer_id
    GROUP BY c.customer_id, c.open_date ORDER BY c.customer_id`);
  const [regions] = await wh.query<{ n: number }>('SELECT count(DISTINCT region) AS n FROM customers');
  return { customerIds: ids.map((r) => String(r.customer_id)), openDay: facts.columns.open_day, depositCny: facts.columns.deposit, regions: Number(regions?.n ?? 0) };
}

/** Every bill in book order with the day settled payments covered it (a free bill is settled when issued). */
async function loadBillColumns(wh: Warehouse): Promise<Record<string, Float64Array>> {
  const local = wh.dialect.localDate('p.paid_at', RISK_UTC_OFFSET_MINUTES);
  const issue = epochDayOf(wh, 'b.issue_date');
  const { columns } = await wh.queryNumeric(`
    WITH ${CODED_CUSTOMERS},
    p AS (
      SELECT p.bill_id AS bill_id, ${local} AS day, p.status AS status,
        sum(CASE WHEN p.status = 'settled' THEN p.amount ELSE 0 END) OVER (PARTITION BY p.bill_id ORDER BY p.paid_at ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum
      FROM payments p),
    s AS (
      SELECT p.bill_id AS bill_id, min(CASE WHEN p.status = 'settled' AND p.cum >= b.amount - 0.01 THEN p.day END) AS settled
      FROM p JOIN bills b ON b.bill_id = p.bill_id GROUP BY p.bill_id)
    SELECT coded.code AS customer, coalesce(${issue}, 0) AS issue_day, coalesce(${epochDayOf(wh, 'b.due_date')}, ${issue}, 0) AS due_day,
      coalesce(b.amount, 0) AS amount, coalesce(b.kwh_total, 0) AS kwh,
      CASE WHEN coalesce(b.amount, 0) <= 0.005 THEN coalesce(${issue}, 0) ELSE ${epochDayOf(wh, 's.settled')} END AS settled_day
    FROM bills b JOIN coded ON coded.customer_id = b.customer_id LEFT JOIN s ON s.bill_id = b.bill_id
    ORDER BY ${BOOK_ORDER}`);
  return columns;
}

/** Returned payments: their customer's position, their bill's issue day and their local day, grouped by customer. */
async function loadReturnedColumns(wh: Warehouse): Promise<Record<string, Float64Array>> {
  const local = wh.dialect.localDate('p.paid_at', RISK_UTC_OFFSET_MINUTES);
  const { columns } = await wh.queryNumeric(`
    WITH ${CODED_CUSTOMERS}
    SELECT coded.code AS customer, coalesce(${epochDayOf(wh, 'b.issue_date')}, 0) AS issue_day, ${epochDayOf(wh, local)} AS day
    FROM payments p JOIN bills b ON b.bill_id = p.bill_id JOIN coded ON coded.customer_id = b.customer_id
    WHERE p.status = 'returned' ORDER BY ${BOOK_ORDER}, p.paid_at`);
  return columns;
}

/** Every customer's bills and returned payments as one columnar book (no object per bill), customers in id order. */
export async function loadBillBook(wh: Warehouse): Promise<{ book: BillBook; regions: number }> {
  const customers = await loadCustomerColumns(wh);
  const bills = await loadBillColumns(wh);
  const returned = await loadReturnedColumns(wh);
  const book = new BillBook({
    customerIds: customers.customerIds, openDay: customers.openDay, depositCny: customers.depositCny,
    billCustomer: bills.customer, issueDay: bills.issue_day, dueDay: bills.due_day, amount: bills.amount, kwh: bills.kwh, settledDay: bills.settled_day,
    returnedCustomer: returned.customer, returnedIssueDay: returned.issue_day, returnedDay: returned.day,
  });
  return { book, regions: customers.regions };
}

/** Bill ids of some bills of a book loaded by {@link loadBillBook}, by book position. */
export async function loadBillIds(wh: Warehouse, positions: readonly number[]): Promise<Map<number, string>> {
  if (positions.length === 0) return new Map();
  const rows = await wh.query<{ pos: number; bill_id: string }>(`
    WITH ${CODED_CUSTOMERS},
    ordered AS (SELECT b.bill_id AS bill_id, row_number() OVER (ORDER BY ${BOOK_ORDER}) - 1 AS pos FROM bills b JOIN coded ON coded.customer_id = b.customer_id)
    SELECT pos, bill_id FROM ordered WHERE pos IN (SELECT unnest(from_json(?, '["BIGINT"]')))`, [JSON.stringify(positions)]);
  return new Map(rows.map((r) => [Number(r.pos), String(r.bill_id)]));
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


/** Positions (in `customerIds`) of the customers whose latest inspection confirmed theft. */
export async function confirmedTheftCustomers(wh: Warehouse, customerIds: readonly string[]): Promise<Set<number>> {
  const confirmed = new Set((await latestInspectionOutcomes(wh)).filter((o) => o.outcome === 'confirmed').map((o) => o.customerId));
  const out = new Set<number>();
  customerIds.forEach((id, c) => {
    if (confirmed.has(id)) out.add(c);
  });
  return out;
}
