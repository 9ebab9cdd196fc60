import type { Warehouse } from '../../warehouse/warehouse.js';
import type { ChurnFeature } from './churn-model.js';

/** The utility-side churn features, in matrix column order, with their reason wording. */
export const utilityChurnFeatures: readonly ChurnFeature[] = [
  { name: 'tenure_months', labelZh: '用电年限短', labelEn: 'short time as a customer' },
  { name: 'monthly_bill_cny', labelZh: '月均电费高', labelEn: 'high monthly bill' },
  { name: 'bill_change', labelZh: '近三个月电费上涨', labelEn: 'bills rose in the last three months' },
  { name: 'manual_payment_share', labelZh: '多为柜台/手动缴费', labelEn: 'pays manually (counter) rather than by debit' },
  { name: 'late_payments', labelZh: '缴费逾期', labelEn: 'late payments' },
  { name: 'complaints', labelZh: '有投诉', labelEn: 'complaints' },
  { name: 'tickets', labelZh: '服务工单多', labelEn: 'many service tickets' },
  { name: 'app_events_per_month', labelZh: '线上互动多', labelEn: 'active online (compares offers)' },
];

/** Per-customer churn features read from the store (bills, payments, tickets, events, accounts). */
export interface UtilityChurnData {
  readonly customerIds: readonly string[];
  readonly customerTypes: readonly string[];
  /** Row-major, {@link utilityChurnFeatures} order. */
  readonly values: Float64Array;
  /** 1 for customers whose status says they left (closed, switched, terminated), else 0. */
  readonly left: Int32Array;
}

/** Reads the churn features of every customer, aggregated in the warehouse. */
export async function readUtilityChurnData(wh: Warehouse): Promise<UtilityChurnData> {
  const rows = await wh.query<Record<string, unknown>>(`
    WITH ends AS (SELECT coalesce(max(period_end), current_date) AS d FROM bills),
    b AS (SELECT customer_id, count(*) AS bills, avg(amount) AS bill, sum(amount) AS revenue,
        avg(amount) FILTER (WHERE period_start >= (SELECT d FROM ends) - INTERVAL 92 DAY) AS recent,
        avg(amount) FILTER (WHERE period_start < (SELECT d FROM ends) - INTERVAL 92 DAY) AS earlier,
        (date_diff('day', min(period_start), max(period_end)) + 1) / 30.44 AS months
      FROM bills GROUP BY customer_id),
    p AS (SELECT p.customer_id, avg(CASE WHEN p.channel = 'counter' THEN 1 ELSE 0 END) AS manual,
        count(*) FILTER (WHERE CAST(p.paid_at AS DATE) > bl.due_date OR p.status = 'returned') AS late
      FROM payments p LEFT JOIN bills bl USING (bill_id) GROUP BY p.customer_id),
    t AS (SELECT customer_id, count(*) AS tickets, count(*) FILTER (WHERE category = 'complaint') AS complaints FROM tickets GROUP BY customer_id),
    e AS (SELECT customer_id, count(*) AS events FROM events GROUP BY customer_id)
    SELECT c.customer_id, c.customer_type, c.status,
      date_diff('day', c.open_date, (SELECT d FROM ends)) / 30.44 AS tenure,
      coalesce(b.bill, 0) AS bill, coalesce(b.recent / nullif(b.earlier, 0), 1) AS change,
      coalesce(p.manual, 0) AS manual, coalesce(p.late, 0) AS late, coalesce(t.complaints, 0) AS complaints,
      coalesce(t.tickets, 0) AS tickets, coalesce(e.events, 0) / greatest(coalesce(b.months, 1), 1) AS events
    FROM customers c LEFT JOIN b USING (customer_id) LEFT JOIN p USING (customer_id) LEFT JOIN t USING (customer_id) LEFT JOIN e USING (customer_id)
    ORDER BY c.customer_id`);
  const p = utilityChurnFeatures.length;
  const values = new Float64Array(rows.length * p);
  rows.forEach((r, i) => {
    const v = [r.tenure, r.bill, r.change, r.manual, r.late, r.complaints, r.tickets, r.events].map((x) => (x === null || x === undefined ? 0 : Number(x)));
    v.forEach((x, j) => (values[i * p + j] = Number.isFinite(x) ? x : 0));
  });
  return {
    customerIds: rows.map((r) => String(r.customer_id)),
    customerTypes: rows.map((r) => String(r.customer_type)),
    values,
    left: Int32Array.from(rows, (r) => (['closed', 'switched', 'terminated'].includes(String(r.status)) ? 1 : 0)),
  };
}
