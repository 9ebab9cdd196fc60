import type { GridLensConfig } from '../core/config.js';
import type { ProgressListener } from '../core/record-batch.js';
import { epochDay, isoDateOfEpochDay, WorkCalendar } from '../core/time/index.js';
import {
  arrearsPosition, buildArrearsPanel, currentFeatures, fitPdModel, holdoutStartDay, labelledRows, observedRows, panelDataset, parseDunningPolicy, parsePdParams,
  PAYMENT_FEATURE_NAMES, planDunning, rankCollections, trainingSample, type ArrearsPanel, type BillBook, type PdModelParams, type PdModelParamsInput, type PlannedAction, type RankedCollection,
} from '../analytics/arrears/index.js';
import type { Dataset } from '../analytics/ml/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { heldOutMetrics } from './risk-metrics.js';
import { confirmedTheftCustomers, dataEndDay, loadBillBook, loadBillIds, nextRiskRunId, recordRiskRun } from './risk-store.js';
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
    const { book } = await loadBillBook(wh);
    const theft = await confirmedTheftCustomers(wh, book.customerIds);
    const panel = buildArrearsPanel(book, { asOfDay, theft });
    progress(1);
    const params = parsePdParams(request.model);
    const current = currentFeatures(book, asOfDay, theft);
    const late = scoreTarget(panel, 'late', current, params, request.testCycles ?? 3);
    const defaulted = scoreTarget(panel, 'defaulted', current, params, request.testCycles ?? 3);
    progress(2);
    const ranked = rankCollections(book.customerIds.map((_, c) => candidate(book, c, asOfDay, late.pd[c], defaulted.pd[c])));
    const runId = await nextRiskRunId(wh);
    const plans = await dunningPlans(wh, book, ranked, asOfDay);
    const asOf = isoDateOfEpochDay(asOfDay);
    await writeScores(wh, runId, asOf, ranked);
    const plannedActions = await writePlans(wh, runId, plans, ranked);
    progress(3);
    const work = ranked.filter((r) => r.rank > 0).sort((a, b) => a.rank - b.rank);
    const evaluation = { late: late.evaluation, default: defaulted.evaluation };
    const model = { late: late.model, default: defaulted.model };
    await recordRiskRun(wh, { runId, kind: 'arrears', asOf, modelVersion: `pd-${params.model}@${asOf}`, model: null, metrics: { evaluation }, stats: { customers: book.nCustomers, inArrears: work.length, model, params } });
    progress(4);
    return {
      runId, asOf, customers: book.nCustomers, model, evaluation, inArrears: work.length,
      outstandingCny: round2(work.reduce((s, r) => s + r.outstandingCny, 0)), expectedLossCny: round2(ranked.reduce((s, r) => s + r.expectedLossCny, 0)),
      plannedActions, workList: work.slice(0, request.top ?? 20).map((r) => ({ ...r, plan: plans.get(r.customerId)?.plan ?? [] })),
      seconds: (performance.now() - started) / 1000,
    };
  }, { warehouse });
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The collection facts of customer `c`: money overdue, and the next bill expected as the mean of its last twelve. */
function candidate(book: BillBook, c: number, asOfDay: number, pdLate: number, pdDefault: number) {
  const position = arrearsPosition(book, c, asOfDay);
  const known = book.knownEnd(c, asOfDay);
  const nextBill = book.meanAmount(Math.max(book.billStart[c], known - 12), known) || 0;
  return { customerId: book.customerIds[c], pdLate, pdDefault, outstandingCny: round2(position.outstandingCny), exposureCny: round2(position.outstandingCny + nextBill), daysPastDue: position.daysPastDue };
}

interface DunningPlan {
  readonly bill?: { billId: string };
  readonly plan: readonly PlannedAction[];
}

/** The dated dunning plan of every customer in arrears, from the due date of its oldest overdue bill. */
async function dunningPlans(wh: Warehouse, book: BillBook, ranked: readonly RankedCollection[], asOfDay: number): Promise<Map<string, DunningPlan>> {
  const policy = parseDunningPolicy();
  const calendar = new WorkCalendar();
  const oldest = new Map<number, number>();
  ranked.forEach((r, c) => {
    if (r.rank > 0) oldest.set(c, arrearsPosition(book, c, asOfDay).oldestOverdue);
  });
  const billIds = await loadBillIds(wh, [...oldest.values()].filter((i) => i >= 0));
  return new Map([...oldest].map(([c, i]) => {
    const r = ranked[c];
    const plan = i >= 0 ? planDunning(book.dueDay[i], r.pdDefault, asOfDay, policy, calendar) : [];
    return [r.customerId, { bill: i >= 0 ? { billId: billIds.get(i) ?? '' } : undefined, plan }] as const;
  }));
}

/** Held-out evaluation, then the model refitted on every labelled snapshot scores the customers today. */
function scoreTarget(panel: ArrearsPanel, label: 'late' | 'defaulted', current: Dataset, params: PdModelParams, testCycles: number): { pd: Float64Array; evaluation: PdEvaluation | null; model: string } {
  const all = observedRows(panel, label);
  if (!bothClasses(panel[label], all)) return { pd: empiricalRate(current, label), evaluation: null, model: 'empirical' };
  const evaluation = evaluate(panel, label, params, testCycles);
  return { pd: fitPdModel(trainingData(panel, label, all, params), params).predict(current), evaluation, model: params.model };
}

/** At least MIN_CLASS rows of each outcome among `rows`. */
function bothClasses(y: Float64Array, rows: Int32Array): boolean {
  const positives = rows.reduce((s, r) => s + y[r], 0);
  return positives >= MIN_CLASS && rows.length - positives >= MIN_CLASS;
}

/** The training dataset of some panel rows, sampled to the model's row budget before any feature is copied. */
function trainingData(panel: ArrearsPanel, label: 'late' | 'defaulted', rows: Int32Array, params: PdModelParams): Dataset {
  const sample = trainingSample(rows.length, params);
  return panelDataset(panel, label, sample ? sample.map((i) => rows[i]) : rows);
}

function evaluate(panel: ArrearsPanel, label: 'late' | 'defaulted', params: PdModelParams, testCycles: number): PdEvaluation | null {
  const start = holdoutStartDay(panel, label, testCycles);
  if (start === null) return null;
  const train = observedRows(panel, label, (r) => panel.day[r] < start);
  if (!bothClasses(panel[label], train)) return null;
  const test = labelledRows(panel, label, (r) => panel.day[r] >= start);
  const y = test.data.target ?? new Float64Array(0);
  const m = heldOutMetrics(y, fitPdModel(trainingData(panel, label, train, params), params).predict(test.data));
  const lateLast = PAYMENT_FEATURE_NAMES.indexOf('late_last');
  const base = heldOutMetrics(y, Array.from(test.rows, (r) => panel.values[r * PAYMENT_FEATURE_NAMES.length + lateLast]));
  if (!m || !base) return null;
  return {
    target: label === 'late' ? 'late' : 'default', trainRows: train.length, testRows: test.rows.length, testFrom: isoDateOfEpochDay(start),
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
  wh: Warehouse, runId: number, plans: ReadonlyMap<string, DunningPlan>, ranked: readonly RankedCollection[],
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
