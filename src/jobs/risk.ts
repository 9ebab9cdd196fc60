import { userInfo } from 'node:os';
import type { GridLensConfig } from '../core/config.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { parseWarningThresholds, raiseAlerts, type AreaSignals, type CustomerSignals, type RiskAlert, type WarningThresholdsInput } from '../analytics/early-warning/index.js';
import type { Row, Warehouse } from '../warehouse/warehouse.js';
import { addRuleEntry, type ListRefreshSummary } from './lists.js';
import { latestInspectionOutcomes, latestRiskRun, nextRiskRunId, recordRiskRun } from './risk-store.js';
import { insertRows, serializeWrites } from './api-write-lock.js';
import { withStore, type StoreOptions } from './store.js';

export const RISK_LIST_KINDS = ['theft', 'arrears', 'credit'] as const;
export type RiskListKind = (typeof RISK_LIST_KINDS)[number];

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface RiskListResult {
  readonly kind: RiskListKind;
  readonly runId: number | null;
  readonly asOf: string | null;
  readonly entries: Record<string, unknown>[];
}

/** `gridlens risk list --kind theft|arrears|credit`: the latest run's ranked list, riskiest first, with evidence. */
export async function riskList(config: Pick<GridLensConfig, 'db'>, request: { kind: RiskListKind; top?: number }, options: Pick<StoreOptions, 'warehouse'> = {}): Promise<RiskListResult> {
  if (!RISK_LIST_KINDS.includes(request.kind)) throw new ValidationError(`unknown risk list ${String(request.kind)} (theft, arrears, credit)`, { kind: request.kind });
  return withStore(config, async (wh) => {
    const run = await latestRiskRun(wh, request.kind);
    if (!run) return { kind: request.kind, runId: null, asOf: null, entries: [] };
    const top = request.top ?? 100;
    return { kind: request.kind, runId: run.runId, asOf: run.asOf, entries: await listRows(wh, request.kind, run.runId, top) };
  }, options);
}

async function listRows(wh: Warehouse, kind: RiskListKind, runId: number, top: number): Promise<Record<string, unknown>[]> {
  if (kind === 'theft') {
    const rows = await wh.query('SELECT rank, customer_id, meter_id, area_id, score, recoverable_kwh, recoverable_cny, evidence FROM theft_scores WHERE run_id = ? ORDER BY rank LIMIT ?', [runId, top]);
    return rows.map((r) => ({
      rank: r.rank, customerId: r.customer_id, meterId: r.meter_id, areaId: r.area_id, score: r.score, recoverableKwh: r.recoverable_kwh,
      recoverableCny: r.recoverable_cny, evidence: json(r.evidence),
    }));
  }
  if (kind === 'arrears') {
    const rows = await wh.query(`SELECT rank, customer_id, pd_late, pd_default, outstanding_cny, exposure_cny, expected_loss_cny, days_past_due
      FROM arrears_scores WHERE run_id = ? AND rank > 0 ORDER BY rank LIMIT ?`, [runId, top]);
    const plans = await wh.query(`SELECT customer_id, step, action, CAST(planned_date AS VARCHAR) AS date, status, bill_id FROM collection_actions WHERE run_id = ? ORDER BY customer_id, step`, [runId]);
    const byCustomer = new Map<unknown, Row[]>();
    for (const p of plans) byCustomer.set(p.customer_id, [...(byCustomer.get(p.customer_id) ?? []), p]);
    return rows.map((r) => ({
      rank: r.rank, customerId: r.customer_id, pdLate: r.pd_late, pdDefault: r.pd_default, outstandingCny: r.outstanding_cny, exposureCny: r.exposure_cny,
      expectedLossCny: r.expected_loss_cny, daysPastDue: r.days_past_due,
      plan: (byCustomer.get(r.customer_id) ?? []).map((p) => ({ step: p.step, action: p.action, date: p.date, status: p.status, billId: p.bill_id })),
    }));
  }
  const rows = await wh.query(`SELECT customer_id, score, bad_probability, grade, demerit_rating, cash_only, reasons FROM credit_ratings
    WHERE run_id = ? ORDER BY score, customer_id LIMIT ?`, [runId, top]);
  return rows.map((r, i) => ({
    rank: i + 1, customerId: r.customer_id, score: r.score, badProbability: r.bad_probability, grade: r.grade, demeritRating: r.demerit_rating, cashOnly: r.cash_only, reasons: json(r.reasons),
  }));
}

export interface InspectRequest {
  readonly customerId: string;
  readonly outcome: 'confirmed' | 'clear';
  readonly meterId?: number;
  readonly note?: string;
  readonly inspector?: string;
  readonly recoveredCny?: number;
  readonly at?: Date;
}

export interface InspectResult {
  readonly recorded: { customerId: string; meterId: number | null; outcome: string; inspectedAt: string; inspector: string };
  /** Labels the next theft run will train on (latest outcome per customer and meter). */
  readonly labels: { readonly confirmed: number; readonly clear: number };
  /** Black-list change a confirmed theft caused, or null. */
  readonly list: ListRefreshSummary | null;
}

/**
 * `gridlens risk inspect CUSTOMER --outcome confirmed|clear`: records a field inspection. The latest
 * outcome per customer is a label of the next theft run; a confirmed theft puts the customer on
 * the black list at once (rule black.theft) and counts in the next credit rating.
 */
export async function riskInspect(config: Pick<GridLensConfig, 'db'>, request: InspectRequest, options: Pick<StoreOptions, 'warehouse'> = {}): Promise<InspectResult> {
  if (request.outcome !== 'confirmed' && request.outcome !== 'clear') throw new ValidationError(`outcome must be confirmed or clear, got ${String(request.outcome)}`, { field: 'outcome' });
  if (request.recoveredCny !== undefined && !(request.recoveredCny >= 0)) throw new ValidationError('recovered amount must be a non-negative number of CNY', { field: 'recoveredCny' });
  // One writer at a time on a shared (server) connection; a single-row parameterised INSERT, never the appender.
  return withStore(config, (wh) => serializeWrites(wh, async () => {
    const meters = await wh.query<{ meter_id: number }>('SELECT meter_id FROM meters WHERE customer_id = ?', [request.customerId]);
    if (meters.length === 0) throw new NotFoundError('customer with a meter', request.customerId);
    if (request.meterId !== undefined && !meters.some((m) => Number(m.meter_id) === request.meterId)) {
      throw new ValidationError(`meter ${request.meterId} does not belong to customer ${request.customerId}`, { meterId: request.meterId });
    }
    const at = request.at ?? new Date();
    const inspector = request.inspector ?? safeUser();
    await insertRows(wh, 'inspection_outcomes', [{
      customer_id: request.customerId, meter_id: request.meterId ?? null, outcome: request.outcome, inspected_at: at, inspector,
      note: request.note ?? null, recovered_cny: request.recoveredCny ?? null,
    }]);
    const list = request.outcome === 'confirmed' ? await addRuleEntry(wh, request.customerId, 'black.theft', at.toISOString().slice(0, 10), inspector) : null;
    const outcomes = await latestInspectionOutcomes(wh);
    return {
      recorded: { customerId: request.customerId, meterId: request.meterId ?? null, outcome: request.outcome, inspectedAt: at.toISOString(), inspector },
      labels: { confirmed: outcomes.filter((o) => o.outcome === 'confirmed').length, clear: outcomes.filter((o) => o.outcome === 'clear').length },
      list,
    };
  }), options);
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export interface WarnResult {
  readonly runId: number;
  readonly alerts: number;
  readonly bySeverity: Readonly<Record<string, number>>;
  readonly sources: { readonly creditRuns: number[]; readonly arrearsRun: number | null; readonly theftRun: number | null; readonly linelossRun: number | null };
  readonly top: RiskAlert[];
}

/**
 * `gridlens risk warn`: tiered early warnings (customer, transformer area, region) from the latest
 * credit, arrears, theft and line-loss runs, stored in `risk_alerts`.
 */
export async function riskWarn(config: Pick<GridLensConfig, 'db'>, request: { thresholds?: WarningThresholdsInput; top?: number } = {}, options: Pick<StoreOptions, 'warehouse'> = {}): Promise<WarnResult> {
  const thresholds = parseWarningThresholds(request.thresholds);
  return withStore(config, async (wh) => {
    const credit = await latestRiskRun(wh, 'credit');
    const previousCredit = credit ? await latestRiskRun(wh, 'credit', credit.runId) : null;
    const arrears = await latestRiskRun(wh, 'arrears');
    const theft = await latestRiskRun(wh, 'theft');
    const lineloss = await latestRiskRun(wh, 'lineloss');
    if (!credit && !arrears && !theft && !lineloss) throw new ValidationError('no risk runs yet: run gridlens run credit|arrears|theft|lineloss first');
    const customers = await customerSignals(wh, credit?.runId, previousCredit?.runId, arrears?.runId, theft?.runId);
    const areas = lineloss ? await areaSignals(wh, lineloss.runId) : [];
    const alerts = raiseAlerts(customers, areas, thresholds);
    const runId = await nextRiskRunId(wh);
    const raisedAt = new Date();
    if (alerts.length) {
      await wh.append('risk_alerts', {
        rowCount: alerts.length,
        columns: {
          run_id: new Int32Array(alerts.length).fill(runId), raised_at: alerts.map(() => raisedAt), level: alerts.map((a) => a.level), subject_id: alerts.map((a) => a.subjectId),
          kind: alerts.map((a) => a.kind), severity: alerts.map((a) => a.severity), value: Float64Array.from(alerts, (a) => a.value),
          threshold: Float64Array.from(alerts, (a) => a.threshold), message: alerts.map((a) => a.message),
        },
      });
    }
    const bySeverity = { red: 0, orange: 0, yellow: 0 } as Record<string, number>;
    for (const a of alerts) bySeverity[a.severity]++;
    const sources = { creditRuns: [credit?.runId, previousCredit?.runId].filter((x): x is number => x !== undefined), arrearsRun: arrears?.runId ?? null, theftRun: theft?.runId ?? null, linelossRun: lineloss?.runId ?? null };
    await recordRiskRun(wh, { runId, kind: 'warning', asOf: raisedAt.toISOString().slice(0, 10), modelVersion: 'early-warning@1', model: null, metrics: { bySeverity }, stats: { sources, thresholds } });
    const order = { red: 0, orange: 1, yellow: 2 };
    const top = [...alerts].sort((a, b) => order[a.severity] - order[b.severity] || b.value - a.value).slice(0, request.top ?? 20);
    return { runId, alerts: alerts.length, bySeverity, sources, top };
  }, options);
}

async function customerSignals(wh: Warehouse, creditRun?: number, previousCredit?: number, arrearsRun?: number, theftRun?: number): Promise<CustomerSignals[]> {
  const rows = await wh.query(`
    SELECT c.customer_id AS customer_id, c.region AS region, cur.score AS score, prev.score AS prev_score, a.days_past_due AS dpd, t.score AS theft
    FROM customers c
    LEFT JOIN credit_ratings cur ON cur.customer_id = c.customer_id AND cur.run_id = ?
    LEFT JOIN credit_ratings prev ON prev.customer_id = c.customer_id AND prev.run_id = ?
    LEFT JOIN arrears_scores a ON a.customer_id = c.customer_id AND a.run_id = ?
    LEFT JOIN (SELECT customer_id, max(score) AS score FROM theft_scores WHERE run_id = ? GROUP BY customer_id) t ON t.customer_id = c.customer_id
    ORDER BY c.customer_id`, [creditRun ?? -1, previousCredit ?? -1, arrearsRun ?? -1, theftRun ?? -1]);
  const num = (v: unknown) => (v === null || v === undefined ? Number.NaN : Number(v));
  return rows.map((r) => ({
    customerId: String(r.customer_id), regionId: String(r.region), creditDrop: num(r.prev_score) - num(r.score), daysPastDue: num(r.dpd), theftScore: num(r.theft),
  }));
}

async function areaSignals(wh: Warehouse, runId: number): Promise<AreaSignals[]> {
  const rows = await wh.query('SELECT area_id, region, recent_rate, flagged, details FROM area_losses WHERE run_id = ?', [runId]);
  return rows.map((r) => {
    const details = json(r.details) as { recentShareAbove?: number };
    return { areaId: String(r.area_id), regionId: String(r.region), recentRate: Number(r.recent_rate), recentDaysAbove: Math.round((details.recentShareAbove ?? 0) * 28), flagged: Boolean(r.flagged) };
  });
}

export interface RiskOverview {
  readonly runs: Readonly<Record<string, { runId: number; asOf: string } | null>>;
  readonly alerts: { readonly total: number; readonly byLevel: Record<string, number>; readonly byKind: Record<string, number>; readonly bySeverity: Record<string, number> };
  readonly grades: Record<string, number>;
  readonly arrears: { readonly inArrears: number; readonly outstandingCny: number; readonly expectedLossCny: number };
  readonly theft: { readonly listed: number; readonly highScore: number; readonly recoverableCny: number; readonly inspections: { confirmed: number; clear: number } };
  readonly lists: { readonly red: number; readonly black: number };
  readonly topAreas: { areaId: string; region: string; recentRate: number; lossKwh: number; flagged: boolean }[];
}

/** The numbers the risk dashboard shows: alerts by level, kind and severity, grades, arrears, theft, lists and the worst areas. */
export async function riskOverview(config: Pick<GridLensConfig, 'db'>, options: { topAreas?: number } & Pick<StoreOptions, 'warehouse'> = {}): Promise<RiskOverview> {
  return withStore(config, async (wh) => {
    const runs = Object.fromEntries(await Promise.all((['credit', 'arrears', 'theft', 'lineloss', 'warning'] as const).map(async (k) => [k, await latestRiskRun(wh, k)] as const)));
    const counts = async (sql: string, runId: number | undefined): Promise<Record<string, number>> =>
      runId === undefined ? {} : Object.fromEntries((await wh.query(sql, [runId])).map((r) => [String(r.k), Number(r.n)]));
    const warn = runs.warning?.runId;
    const byLevel = await counts('SELECT level AS k, count(*) AS n FROM risk_alerts WHERE run_id = ? GROUP BY level', warn);
    const byKind = await counts('SELECT kind AS k, count(*) AS n FROM risk_alerts WHERE run_id = ? GROUP BY kind', warn);
    const bySeverity = await counts('SELECT severity AS k, count(*) AS n FROM risk_alerts WHERE run_id = ? GROUP BY severity', warn);
    const grades = await counts('SELECT grade AS k, count(*) AS n FROM credit_ratings WHERE run_id = ? GROUP BY grade', runs.credit?.runId);
    const [a] = await wh.query(`SELECT count(*) FILTER (WHERE rank > 0) AS n, coalesce(sum(outstanding_cny), 0) AS o, coalesce(sum(expected_loss_cny), 0) AS e FROM arrears_scores WHERE run_id = ?`, [runs.arrears?.runId ?? -1]);
    const [t] = await wh.query(`SELECT count(*) AS n, count(*) FILTER (WHERE score >= 0.6) AS high, coalesce(sum(recoverable_cny) FILTER (WHERE score >= 0.6), 0) AS cny FROM theft_scores WHERE run_id = ?`, [runs.theft?.runId ?? -1]);
    const outcomes = await latestInspectionOutcomes(wh);
    const lists = Object.fromEntries((await wh.query(`SELECT kind AS k, count(*) AS n FROM risk_list_entries WHERE source <> 'exempt' GROUP BY kind`))
      .map((r) => [String(r.k), Number(r.n)])) as Record<string, number>;
    const areas = await wh.query('SELECT area_id, region, recent_rate, loss_kwh, flagged FROM area_losses WHERE run_id = ? ORDER BY flagged DESC, recent_rate DESC LIMIT ?', [runs.lineloss?.runId ?? -1, options.topAreas ?? 10]);
    return {
      runs,
      alerts: { total: Object.values(bySeverity).reduce((s, n) => s + n, 0), byLevel, byKind, bySeverity },
      grades,
      arrears: { inArrears: Number(a?.n ?? 0), outstandingCny: Number(a?.o ?? 0), expectedLossCny: Number(a?.e ?? 0) },
      theft: {
        listed: Number(t?.n ?? 0), highScore: Number(t?.high ?? 0), recoverableCny: Number(t?.cny ?? 0),
        inspections: { confirmed: outcomes.filter((o) => o.outcome === 'confirmed').length, clear: outcomes.filter((o) => o.outcome === 'clear').length },
      },
      lists: { red: lists.red ?? 0, black: lists.black ?? 0 },
      topAreas: areas.map((r) => ({ areaId: String(r.area_id), region: String(r.region), recentRate: Number(r.recent_rate), lossKwh: Number(r.loss_kwh), flagged: Boolean(r.flagged) })),
    };
   }, { warehouse: options.warehouse });
}
