import type { GridLensConfig } from '../core/config.js';
import type { ProgressListener } from '../core/record-batch.js';
import { epochDay, isoDateOfEpochDay, WorkCalendar } from '../core/time/index.js';
import {
  arrearsPosition, buildArrearsPanel, currentFeatures, fitPdModel, holdoutStartDay, labelledRows, parseDunningPolicy, parsePdParams, PAYMENT_FEATURE_NAMES,
  planDunning, rankCollections, type ArrearsPanel, type BillHistory, type PdModelParams, type PdModelParamsInput, type PlannedAction, type RankedCollection,
} from '../analytics/arrears/index.js';
import type { Dataset } from '../analytics/ml/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { heldOutMetrics } from './risk-metrics.js';
import { dataEndDay, latestInspectionOutcomes, loadBillHistories, nextRiskRunId, recordRiskRun } from './risk-store.js';
import { withStore } from './store.js';

export interface ArrearsRunRequest {
  readonly asOf?: string;
  readonly model?: PdModelParamsInput;
  /** Snapshot months held out at the end for the time-based evaluation. */
  readonly testCycles?: number;
  /** Entries of the work list returned (all are stored). */
  readonly top?: number;
  readonly onProgress?: ProgressListener;
}

/** Held-out quality of one probability model against the baseline "paid the last bill late". */
export interface PdEvaluation {
  readonly target: 'late' | 'default';
  readonly trainRows: number;
  readonly testRows: number;
  readonly testFrom: string;
  readonly positives: number;
  readonly auc: number;
  readonly averagePrecision: number;
  readonly baselineAuc: number;
  readonly baselineAveragePrecision: number;
}

export interface WorkListEntry extends RankedCollection {
  readonly plan: readonly PlannedAction[];
}

export interface ArrearsRunResult {
  readonly runId: number;
  readonly asOf: string;
  readonly customers: number;
  /** gbdt, or `empirical` (smoothed own late rate) when a label has too few cases of either outcome. */
  readonly model: { readonly late: string; readonly default: string };
  readonly evaluation: { readonly late: PdEvaluation | null; readonly default: PdEvaluation | null };
  readonly inArrears: number;
  readonly outstandingCny: number;
  readonly expectedLossCny: number;
  readonly plannedActions: number;
  readonly workList: WorkListEntry[];
  readonly seconds: number;
}

const MIN_CLASS = 10;

/**
 * `gridlens run arrears`: probability that each customer's next bill is paid late and that it goes
 * 60+ days unpaid (gradient-boosted trees on payment-history snapshots, checked on a time-based
 * hold-out against "late last cycle"), the collection work list ranked by expected loss and a
 * dunning plan with dates on working days for every customer in arrears.
 */
export async function runArrears(config: Pick<GridLensConfig, 'db'>, request: ArrearsRunRequest = {}, warehouse?: Warehouse): Promise<ArrearsRunResult> {
  const started = performance.now();
  return withStore(config, async (wh) => {
    const progress = (done: number) => request.onProgress?.({ phase: 'arrears', done, total: 4 });
    const asOfDay = request.asOf ? epochDay(request.asOf) : await dataEndDay(wh);
    const { histories } = await loadBillHistories(wh);
    const confirmed = new Set((await latestInspectionOutcomes(wh)).filter((o) => o.outcome === 'confirmed').map((o) => o.customerId));
    const theft = new Set(histories.flatMap((h, i) => (confirmed.has(h.customer.customerId) ? [i] : [])));
    const panel = buildArrearsPanel(histories, { asOfDay, theft });
    progress(1);
    const params = parsePdParams(request.model);
    const current = currentFeatures(histories, asOfDay, theft);
    const late = scoreTarget(panel, 'late', current, params, request.testCycles ?? 3);
    const defaulted = scoreTarget(panel, 'defaulted', current, params, request.testCycles ?? 3);
    progress(2);
    const ranked = rankCollections(histories.map((h, c) => candidate(h, asOfDay, late.pd[c], defaulted.pd[c])));
    const runId = await nextRiskRunId(wh);
    const policy = parseDunningPolicy();
    const calendar = new WorkCalendar();
    const plans = new Map(ranked.filter((r) => r.rank > 0).map((r) => {
      const h = histories.find((x) => x.customer.customerId === r.customerId);
      const oldest = h ? arrearsPosition(h, asOfDay).overdue[0] : undefined;
      return [r.customerId, { bill: oldest, plan: oldest ? planDunning(oldest.dueDay, r.pdDefault, asOfDay, policy, calendar) : [] }] as const;
    }));
    const asOf = isoDateOfEpochDay(asOfDay);
    await writeScores(wh, runId, asOf, ranked);
    const plannedActions = await writePlans(wh, runId, plans, ranked);
    progress(3);
    const work = ranked.filter((r) => r.rank > 0).sort((a, b) => a.rank - b.rank);
    const evaluation = { late: late.evaluation, default: defaulted.evaluation };
    const model = { late: late.model, default: defaulted.model };
    await recordRiskRun(wh, { runId, kind: 'arrears', asOf, modelVersion: `pd-${params.model}@${asOf}`, model: null, metrics: { evaluation }, stats: { customers: histories.length, inArrears: work.length, model, params } });
    progress(4);
    return {
      runId, asOf, customers: histories.length, model, evaluation, inArrears: work.length,
      outstandingCny: round2(work.reduce((s, r) => s + r.outstandingCny, 0)), expectedLossCny: round2(ranked.reduce((s, r) => s + r.expectedLossCny, 0)),
      plannedActions, workList: work.slice(0, request.top ?? 20).map((r) => ({ ...r, plan: plans.get(r.customerId)?.plan ?? [] })),
      seconds: (performance.now() - started) / 1000,
    };
  }, { warehouse });
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function candidate(h: BillHistory, asOfDay: number, pdLate: number, pdDefault: number) {
  const position = arrearsPosition(h, asOfDay);
  const recent = h.knownAt(asOfDay).slice(-12);
  const nextBill = recent.length ? recent.reduce((s, b) => s + b.amount, 0) / recent.length : 0;
  return { customerId: h.customer.customerId, pdLate, pdDefault, outstandingCny: round2(position.outstandingCny), exposureCny: round2(position.outstandingCny + nextBill), daysPastDue: position.daysPastDue };
}

/** Held-out evaluation, then the model refitted on every labelled snapshot scores the customers today. */
function scoreTarget(panel: ArrearsPanel, label: 'late' | 'defaulted', current: Dataset, params: PdModelParams, testCycles: number): { pd: Float64Array; evaluation: PdEvaluation | null; model: string } {
  const all = labelledRows(panel, label);
  const y = all.data.target ?? new Float64Array(0);
  const positives = y.reduce((s, v) => s + v, 0);
  if (positives < MIN_CLASS || y.length - positives < MIN_CLASS) return { pd: empiricalRate(current, label), evaluation: null, model: 'empirical' };
  const evaluation = evaluate(panel, label, params, testCycles);
  return { pd: fitPdModel(all.data, params).predict(current), evaluation, model: params.model };
}

function evaluate(panel: ArrearsPanel, label: 'late' | 'defaulted', params: PdModelParams, testCycles: number): PdEvaluation | null {
  const start = holdoutStartDay(panel, label, testCycles);
  if (start === null) return null;
  const train = labelledRows(panel, label, (r) => panel.day[r] < start);
  const test = labelledRows(panel, label, (r) => panel.day[r] >= start);
  const yTrain = train.data.target ?? new Float64Array(0);
  const pos = yTrain.reduce((s, v) => s + v, 0);
  if (pos < MIN_CLASS || yTrain.length - pos < MIN_CLASS) return null;
  const y = test.data.target ?? new Float64Array(0);
  const m = heldOutMetrics(y, fitPdModel(train.data, params).predict(test.data));
  const lateLast = PAYMENT_FEATURE_NAMES.indexOf('late_last');
  const base = heldOutMetrics(y, Array.from(test.rows, (r) => panel.values[r * PAYMENT_FEATURE_NAMES.length + lateLast]));
  if (!m || !base) return null;
  return {
    target: label === 'late' ? 'late' : 'default', trainRows: train.rows.length, testRows: test.rows.length, testFrom: isoDateOfEpochDay(start),
    positives: m.positives, auc: m.auc, averagePrecision: m.averagePrecision, baselineAuc: base.auc, baselineAveragePrecision: base.averagePrecision,
  };
}

/** Fallback without enough labels: the customer's own smoothed rate of late bills (1 − on-time rate, Laplace). */
function empiricalRate(current: Dataset, label: 'late' | 'defaulted'): Float64Array {
  const [onTimeAt, billsAt] = current.columnsOf(['on_time_rate', 'bills_12m']);
  const p = current.nFeatures;
  const scale = label === 'late' ? 1 : 0.3;
  return Float64Array.from({ length: current.nRows }, (_, r) => {
    const bills = current.values[r * p + billsAt];
    const onTime = current.values[r * p + onTimeAt];
    const n = Number.isNaN(bills) ? 0 : bills;
    const late = Number.isNaN(onTime) ? 0 : (1 - onTime) * n;
    return (scale * (late + 1)) / (n + 2);
  });
}

async function writeScores(wh: Warehouse, runId: number, asOf: string, ranked: readonly RankedCollection[]): Promise<void> {
  const n = ranked.length;
  await wh.append('arrears_scores', {
    rowCount: n,
    columns: {
      customer_id: ranked.map((r) => r.customerId), run_id: new Int32Array(n).fill(runId), as_of: new Array<string>(n).fill(asOf),
      pd_late: Float64Array.from(ranked, (r) => r.pdLate), pd_default: Float64Array.from(ranked, (r) => r.pdDefault),
      outstanding_cny: Float64Array.from(ranked, (r) => r.outstandingCny), exposure_cny: Float64Array.from(ranked, (r) => r.exposureCny),
      expected_loss_cny: Float64Array.from(ranked, (r) => r.expectedLossCny), days_past_due: Int32Array.from(ranked, (r) => r.daysPastDue),
      rank: Int32Array.from(ranked, (r) => r.rank),
    },
  });
}

async function writePlans(
  wh: Warehouse, runId: number, plans: ReadonlyMap<string, { bill?: { billId: string }; plan: readonly PlannedAction[] }>, ranked: readonly RankedCollection[],
): Promise<number> {
  const outstanding = new Map(ranked.map((r) => [r.customerId, r.outstandingCny]));
  const rows = [...plans].flatMap(([customerId, p]) => p.plan.map((a) => ({ customerId, billId: p.bill?.billId ?? '', a })));
  if (rows.length === 0) return 0;
  await wh.append('collection_actions', {
    rowCount: rows.length,
    columns: {
      customer_id: rows.map((r) => r.customerId), run_id: new Int32Array(rows.length).fill(runId), step: Int16Array.from(rows, (r) => r.a.step),
      action: rows.map((r) => r.a.action), planned_date: rows.map((r) => r.a.date), bill_id: rows.map((r) => r.billId),
      amount_cny: Float64Array.from(rows, (r) => outstanding.get(r.customerId) ?? 0), status: rows.map((r) => r.a.status),
    },
  });
  return rows.length;
}
