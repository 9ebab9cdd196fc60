import type { Warehouse } from '../../warehouse/warehouse.js';

/** Non-load facts per customer that behavioural segments are defined on. */
export interface BehaviourFacts {
  readonly customerId: string;
  readonly payments: number;
  /** Share of payments through app, WeChat, Alipay or automatic bank debit. */
  readonly digitalPaymentShare: number;
  readonly counterPaymentShare: number;
  readonly appEvents: number;
  readonly hallTickets: number;
  /** Mean days paid after the due date (negative = early); null without payments. */
  readonly meanDaysLate: number | null;
  readonly latePayments: number;
  readonly returnedPayments: number;
  readonly tickets: number;
  readonly complaints: number;
}

/** A behavioural segment: a dimension, a code and its rule, with zh-CN and en labels. */
export interface BehaviourRule {
  readonly dimension: 'channel' | 'payment' | 'service';
  readonly code: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly definition: string;
  readonly when: (f: BehaviourFacts) => boolean;
}

/** The behavioural segment rules; within a dimension the first rule that applies wins. */
export const behaviourRules: readonly BehaviourRule[] = [
  { dimension: 'channel', code: 'digital', labelZh: '线上渠道用户', labelEn: 'Digital-channel user', definition: '≥ 60% of payments digital or by bank debit, or ≥ 24 app/WeChat/web events', when: (f) => f.digitalPaymentShare >= 0.6 || f.appEvents >= 24 },
  { dimension: 'channel', code: 'hall', labelZh: '营业厅用户', labelEn: 'Service-hall user', definition: '≥ 50% of payments at the counter, or a ticket raised in a service hall', when: (f) => f.counterPaymentShare >= 0.5 || f.hallTickets > 0 },
  { dimension: 'channel', code: 'mixed', labelZh: '多渠道用户', labelEn: 'Mixed channels', definition: 'otherwise', when: () => true },
  { dimension: 'payment', code: 'late-payer', labelZh: '经常逾期', labelEn: 'Frequent late payer', definition: '≥ 3 late payments, or ≥ 2 returned debits, or paid on average > 10 days late', when: (f) => f.latePayments >= 3 || f.returnedPayments >= 2 || (f.meanDaysLate ?? 0) > 10 },
  { dimension: 'payment', code: 'occasionally-late', labelZh: '偶有逾期', labelEn: 'Occasionally late', definition: '1–2 late payments or one returned debit', when: (f) => f.latePayments > 0 || f.returnedPayments > 0 },
  { dimension: 'payment', code: 'punctual', labelZh: '按时缴费', labelEn: 'Pays on time', definition: 'every payment by the due date', when: (f) => f.payments > 0 },
  { dimension: 'payment', code: 'no-payments', labelZh: '无缴费记录', labelEn: 'No payments on record', definition: 'no payments in the window', when: () => true },
  { dimension: 'service', code: 'complaint-prone', labelZh: '投诉倾向', labelEn: 'Complaint-prone', definition: '≥ 2 complaints', when: (f) => f.complaints >= 2 },
  { dimension: 'service', code: 'service-active', labelZh: '服务诉求多', labelEn: 'Frequent service contact', definition: '≥ 3 tickets', when: (f) => f.tickets >= 3 },
  { dimension: 'service', code: 'quiet', labelZh: '服务诉求少', labelEn: 'Rarely contacts service', definition: 'otherwise', when: () => true },
];

const dimensions = [...new Set(behaviourRules.map((r) => r.dimension))];

/** The behavioural segment of each dimension for one customer. */
export function behaviouralSegments(f: BehaviourFacts): { dimension: BehaviourRule['dimension']; rule: BehaviourRule }[] {
  return dimensions.map((dimension) => ({ dimension, rule: behaviourRules.find((r) => r.dimension === dimension && r.when(f)) as BehaviourRule }));
}

/** Reads the behaviour facts of every customer from payments, bills, tickets and app events (aggregated in the warehouse). */
export async function readBehaviourFacts(wh: Warehouse): Promise<BehaviourFacts[]> {
  const rows = await wh.query<Record<string, number | string | null>>(`
    WITH pay AS (
      SELECT p.customer_id, count(*) AS payments,
        avg(CASE WHEN p.channel IN ('app', 'wechat', 'alipay', 'bank_debit', 'web') THEN 1 ELSE 0 END) AS digital,
        avg(CASE WHEN p.channel = 'counter' THEN 1 ELSE 0 END) AS counter,
        avg(date_diff('day', b.due_date, CAST(p.paid_at AS DATE))) AS days_late,
        count(*) FILTER (WHERE CAST(p.paid_at AS DATE) > b.due_date) AS late,
        count(*) FILTER (WHERE p.status = 'returned') AS returned
      FROM payments p LEFT JOIN bills b USING (bill_id) GROUP BY p.customer_id),
    ev AS (SELECT customer_id, count(*) AS events FROM events GROUP BY customer_id),
    tk AS (SELECT customer_id, count(*) AS tickets, count(*) FILTER (WHERE category = 'complaint') AS complaints,
      count(*) FILTER (WHERE channel = 'service_hall') AS hall FROM tickets GROUP BY customer_id)
    SELECT c.customer_id, coalesce(pay.payments, 0) AS payments, coalesce(pay.digital, 0) AS digital, coalesce(pay.counter, 0) AS counter,
      pay.days_late, coalesce(pay.late, 0) AS late, coalesce(pay.returned, 0) AS returned, coalesce(ev.events, 0) AS events,
      coalesce(tk.tickets, 0) AS tickets, coalesce(tk.complaints, 0) AS complaints, coalesce(tk.hall, 0) AS hall
    FROM customers c LEFT JOIN pay USING (customer_id) LEFT JOIN ev USING (customer_id) LEFT JOIN tk USING (customer_id)
    ORDER BY c.customer_id`);
  return rows.map((r) => ({
    customerId: String(r.customer_id), payments: Number(r.payments), digitalPaymentShare: Number(r.digital), counterPaymentShare: Number(r.counter),
    appEvents: Number(r.events), hallTickets: Number(r.hall), meanDaysLate: r.days_late === null ? null : Number(r.days_late),
    latePayments: Number(r.late), returnedPayments: Number(r.returned), tickets: Number(r.tickets), complaints: Number(r.complaints),
  }));
}
