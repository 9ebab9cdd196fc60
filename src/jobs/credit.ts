import type { GridLensConfig } from '../core/config.js';
import { InsufficientDataError } from '../core/errors.js';
import type { ProgressListener } from '../core/record-batch.js';
import { epochDay, isoDateOfEpochDay } from '../core/time/index.js';
import {
  buildArrearsPanel, currentFeatures, holdoutStartDay, observedRows, PAYMENT_FEATURE_NAMES, PAYMENT_FEATURES, type ArrearsPanel, type BillBook,
} from '../analytics/arrears/index.js';
import {
  CreditDataset, CreditScorecard, DEFAULT_GRADE_BANDS, DemeritRater, GRADE_CODES, gradeOf, populationStability,
  type DemeritEvent, type DemeritRating, type PsiReport,
} from '../analytics/credit/index.js';
import { Mulberry32, type Dataset } from '../analytics/ml/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { refreshDeposits, type DepositSummary } from './risk-deposits.js';
import type { CustomerRating } from './risk-types.js';
import { heldOutMetrics } from './risk-metrics.js';
import { confirmedTheftCustomers, dataEndDay, latestRiskRun, loadBillBook, nextRiskRunId, recordRiskRun } from './risk-store.js';
import { refreshRuleLists, type ListRefreshSummary } from './lists.js';
import { withStore } from './store.js';

export type { CustomerRating };

export interface CreditRunRequest {
  /** Rating day (YYYY-MM-DD); default the last day with billing or payment data. */
  readonly asOf?: string;
  /** Bads (60+ days unpaid) needed to train the scorecard; fewer → the demerit model. */
  readonly minBads?: number;
  readonly maxTrainRows?: number;
  /** Who runs it (list audit). */
  readonly by?: string;
  readonly onProgress?: ProgressListener;
}

export interface CreditHoldout {
  readonly trainRows: number;
  readonly testRows: number;
  readonly testFrom: string;
  readonly auc: number;
  readonly averagePrecision: number;
  /** Baseline: "paid the last bill late" as the score. */
  readonly baselineAuc: number;
}

export interface CreditRunResult {
  readonly runId: number;
  readonly asOf: string;
  readonly customers: number;
  readonly model: 'scorecard' | 'demerit';
  readonly modelVersion: string;
  /** Observed defaults a scorecard needs (else the demerit model). */
  readonly minBads: number;
  readonly labelledRows: number;
  readonly bads: number;
  readonly holdout: CreditHoldout | null;
  readonly ivTable: readonly { feature: string; iv: number; strength: string; decision: string }[];
  readonly grades: Readonly<Record<string, number>>;
  readonly cashOnly: number;
  readonly psi: (Pick<PsiReport, 'psi' | 'level'> & { previousRunId: number }) | null;
  readonly lists: ListRefreshSummary;
  readonly deposits: DepositSummary;
  readonly seconds: number;
}

const DEFAULT_MIN_BADS = 30;

/**
 * `gridlens run credit`: rates every customer from its bills and payments. With enough observed
 * defaults (60+ days unpaid on a following bill, derived from payments) a WoE/IV scorecard is
 * trained on the store's own history and checked on a time-based hold-out; otherwise the demerit
 * model (start rating minus active demerits) is mapped onto the same points scale. Then refreshes
 * the rule-based red/black lists and the deposit recommendations.
 */
export async function runCredit(config: Pick<GridLensConfig, 'db'>, request: CreditRunRequest = {}, warehouse?: Warehouse): Promise<CreditRunResult> {
  const started = performance.now();
  return withStore(config, async (wh) => {
    const progress = (done: number) => request.onProgress?.({ phase: 'credit', done, total: 5 });
    const asOfDay = request.asOf ? epochDay(request.asOf) : await dataEndDay(wh);
    const asOf = isoDateOfEpochDay(asOfDay);
    const { book, regions } = await loadBillBook(wh);
    progress(1);
    const theft = await confirmedTheftCustomers(wh, book.customerIds);
    const panel = buildArrearsPanel(book, { asOfDay, theft });
    const current = currentFeatures(book, asOfDay, theft);
    progress(2);
    const rated = rateCustomers(book, panel, current, asOfDay, theft, request);
    progress(3);
    const runId = await nextRiskRunId(wh);
    const psi = await psiAgainstPrevious(wh, rated.ratings.map((r) => r.score));
    await writeRatings(wh, runId, asOf, rated.ratings, rated.modelVersion);
    const lists = await refreshRuleLists(wh, { current, ratings: rated.ratings, asOfDay, theft, by: request.by ?? 'gridlens run credit' });
    const deposits = await refreshDeposits(wh, { runId, book, ratings: rated.ratings, asOfDay });
    progress(4);
    const grades = Object.fromEntries(GRADE_CODES.map((g) => [g, rated.ratings.filter((r) => r.band.grade === g).length]));
    const result: CreditRunResult = {
      runId, asOf, customers: book.nCustomers, model: rated.model, modelVersion: rated.modelVersion, minBads: request.minBads ?? DEFAULT_MIN_BADS,
      labelledRows: rated.labelledRows, bads: rated.bads, holdout: rated.holdout, ivTable: rated.ivTable, grades,
      cashOnly: rated.ratings.filter((r) => r.cashOnly).length, psi, lists, deposits, seconds: (performance.now() - started) / 1000,
    };
    await recordRiskRun(wh, {
      runId, kind: 'credit', asOf, modelVersion: rated.modelVersion, model: rated.card?.toJSON() ?? null,
      metrics: { holdout: rated.holdout, psi, ivTable: rated.ivTable }, stats: { customers: book.nCustomers, grades, regions },
    });
    progress(5);
    return result;
  }, { warehouse });
}

const label = (name: string) => PAYMENT_FEATURES.find((f) => f.name === name)?.label;

function creditDataset(values: Float64Array, rows: ArrayLike<number>, target?: ArrayLike<number>): CreditDataset {
  const p = PAYMENT_FEATURE_NAMES.length;
  const columns: Record<string, Float64Array> = {};
  PAYMENT_FEATURE_NAMES.forEach((name, f) => {
    const column = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) column[i] = values[rows[i] * p + f];
    columns[name] = column;
  });
  return new CreditDataset({ features: PAYMENT_FEATURE_NAMES.map((name) => ({ name, kind: 'numeric' as const, label: label(name) })), columns, target });
}

interface Rated {
  readonly model: 'scorecard' | 'demerit';
  readonly modelVersion: string;
  readonly card: CreditScorecard | null;
  readonly ratings: CustomerRating[];
  readonly holdout: CreditHoldout | null;
  readonly ivTable: CreditRunResult['ivTable'];
  readonly labelledRows: number;
  readonly bads: number;
}

function rateCustomers(book: BillBook, panel: ArrearsPanel, current: Dataset, asOfDay: number, theft: ReadonlySet<number>, request: CreditRunRequest): Rated {
  const labelled = observedRows(panel, 'defaulted');
  const bads = labelled.reduce((s, r) => s + panel.defaulted[r], 0);
  const minBads = request.minBads ?? DEFAULT_MIN_BADS;
  const asOf = isoDateOfEpochDay(asOfDay);
  const rater = new DemeritRater();
  const demerits = book.customerIds.map((_, c) => rater.rate(demeritEvents(book, c, asOfDay, theft.has(c)), asOf));
  if (bads < minBads || labelled.length - bads < minBads) {
    const ratings = book.customerIds.map((customerId, c) => demeritCustomer(customerId, demerits[c]));
    return { model: 'demerit', modelVersion: 'demerit@1', card: null, ratings, holdout: null, ivTable: [], labelledRows: labelled.length, bads };
  }
  const maxRows = request.maxTrainRows ?? 120_000;
  const holdout = scorecardHoldout(panel, labelled, maxRows);
  const card = new CreditScorecard().fit(sample(panel, labelled, maxRows));
  const data = creditDataset(current.values, Int32Array.from({ length: book.nCustomers }, (_, i) => i));
  const ratings = book.customerIds.map((customerId, c): CustomerRating => {
    const e = card.explainAt(data, c);
    return {
      customerId, score: e.score, badProbability: e.badProbability, band: gradeOf(e.score, card.params.grades),
      demeritRating: demerits[c].rating, cashOnly: demerits[c].cashOnly, reasons: e.reasons,
    };
  });
  const ivTable = card.ivTable.map((r) => ({ feature: r.feature, iv: r.iv, strength: r.strength, decision: r.decision }));
  return { model: 'scorecard', modelVersion: `scorecard@${isoDateOfEpochDay(asOfDay)}`, card, ratings, holdout, ivTable, labelledRows: labelled.length, bads };
}

function sample(panel: ArrearsPanel, rows: Int32Array, maxRows: number): CreditDataset {
  const pick = rows.length > maxRows ? Array.from(new Mulberry32(11).sampleIndices(rows.length, maxRows), (i) => rows[i]) : Array.from(rows);
  return creditDataset(panel.values, pick, pick.map((r) => panel.defaulted[r]));
}

function scorecardHoldout(panel: ArrearsPanel, labelled: Int32Array, maxRows: number): CreditHoldout | null {
  const start = holdoutStartDay(panel, 'defaulted', 3);
  if (start === null) return null;
  const train = labelled.filter((r) => panel.day[r] < start);
  const test = labelled.filter((r) => panel.day[r] >= start);
  try {
    const card = new CreditScorecard().fit(sample(panel, train, maxRows));
    const testData = creditDataset(panel.values, test);
    const y = Array.from(test, (r) => panel.defaulted[r]);
    const m = heldOutMetrics(y, card.predict(testData));
    const lateLast = PAYMENT_FEATURE_NAMES.indexOf('late_last');
    const base = heldOutMetrics(y, Array.from(test, (r) => panel.values[r * PAYMENT_FEATURE_NAMES.length + lateLast]));
    if (!m || !base) return null;
    return { trainRows: train.length, testRows: test.length, testFrom: isoDateOfEpochDay(start), auc: m.auc, averagePrecision: m.averagePrecision, baselineAuc: base.auc };
  } catch (error) {
    // Too few bads in the earlier months to fit a scorecard: no hold-out figure, not a failed run.
    if (error instanceof InsufficientDataError) return null;
    throw error;
  }
}

/** Demerit events of customer `c` known on the rating day: late and returned payments, confirmed theft. */
export function demeritEvents(book: BillBook, c: number, asOfDay: number, theftConfirmed: boolean): DemeritEvent[] {
  const events: DemeritEvent[] = [];
  for (let i = book.billStart[c]; i < book.billStart[c + 1]; i++) {
    if (book.dueDay[i] < asOfDay && book.paidLate(i)) events.push({ type: 'late-payment', date: isoDateOfEpochDay(book.dueDay[i] + 1) });
  }
  for (let k = book.returnedStart[c]; k < book.returnedStart[c + 1]; k++) {
    if (book.returnedDay[k] <= asOfDay) events.push({ type: 'returned-payment', date: isoDateOfEpochDay(book.returnedDay[k]) });
  }
  if (theftConfirmed) events.push({ type: 'theft-confirmed', date: isoDateOfEpochDay(asOfDay) });
  return events;
}

/** The demerit rating (0..1000) on the scorecard's points scale: 1000 → 700 (AAA), 700 (at-risk threshold) → 595, 0 → 350. */
export function demeritPoints(rating: number): number {
  return 350 + 0.35 * rating;
}

/** Probability of bad at a score on the 600 @ 19:1, 50-points-to-double scale. */
export function badProbabilityOfScore(score: number): number {
  return 1 / (1 + 19 * 2 ** ((score - 600) / 50));
}

function demeritCustomer(customerId: string, d: DemeritRating): CustomerRating {
  const score = demeritPoints(d.rating);
  const reasons = d.active.map((a) => ({ code: `DM_${a.type.toUpperCase().replace(/-/g, '_')}`, date: a.date, expires: a.expires, demerits: a.demerits }));
  return { customerId, score, badProbability: badProbabilityOfScore(score), band: gradeOf(score, DEFAULT_GRADE_BANDS), demeritRating: d.rating, cashOnly: d.cashOnly, reasons };
}

async function psiAgainstPrevious(wh: Warehouse, scores: readonly number[]): Promise<CreditRunResult['psi']> {
  const previous = await latestRiskRun(wh, 'credit');
  if (!previous || scores.length === 0) return null;
  const rows = await wh.query<{ score: number }>('SELECT score FROM credit_ratings WHERE run_id = ?', [previous.runId]);
  if (rows.length === 0) return null;
  const report = populationStability(rows.map((r) => Number(r.score)), scores);
  return { psi: report.psi, level: report.level, previousRunId: previous.runId };
}

async function writeRatings(wh: Warehouse, runId: number, asOf: string, ratings: readonly CustomerRating[], modelVersion: string): Promise<void> {
  const n = ratings.length;
  await wh.append('credit_ratings', {
    rowCount: n,
    columns: {
      customer_id: ratings.map((r) => r.customerId), run_id: new Int32Array(n).fill(runId), as_of: new Array<string>(n).fill(asOf),
      score: Float64Array.from(ratings, (r) => r.score), bad_probability: Float64Array.from(ratings, (r) => r.badProbability),
      grade: ratings.map((r) => r.band.grade), demerit_rating: Float64Array.from(ratings, (r) => r.demeritRating),
      cash_only: ratings.map((r) => r.cashOnly), reasons: ratings.map((r) => r.reasons), model_version: new Array<string>(n).fill(modelVersion),
    },
  });
}
