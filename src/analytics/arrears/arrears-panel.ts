import { Dataset } from '../ml/index.js';
import { paidLate, type BillHistory } from './bill-history.js';
import { PAYMENT_FEATURE_NAMES, paymentFeatures } from './payment-features.js';

/** Days after the due date from which an unpaid bill counts as a default (60+ days in arrears). */
export const DEFAULT_DAYS = 60;

/**
 * Training snapshots of payment behaviour: one row per customer and bill, with the features known
 * the day before the bill was issued and what became of the bill (late; 60+ days unpaid). Labels
 * are NaN where the outcome is not yet observable on the as-of day.
 */
export interface ArrearsPanel {
  readonly featureNames: readonly string[];
  readonly nRows: number;
  /** Row-major features. */
  readonly values: Float64Array;
  readonly customer: Int32Array;
  /** Snapshot day (local epoch day). */
  readonly day: Int32Array;
  readonly late: Float64Array;
  readonly defaulted: Float64Array;
}

export interface PanelOptions {
  readonly asOfDay: number;
  /** Customers (positions in `histories`) with confirmed theft. */
  readonly theft?: ReadonlySet<number>;
  readonly defaultDays?: number;
}

/** Builds the snapshot panel of every customer's bill history, oldest bills first. */
export function buildArrearsPanel(histories: readonly BillHistory[], options: PanelOptions): ArrearsPanel {
  const defaultDays = options.defaultDays ?? DEFAULT_DAYS;
  const p = PAYMENT_FEATURE_NAMES.length;
  const rows: { c: number; day: number; late: number; defaulted: number; x: Float64Array }[] = [];
  histories.forEach((h, c) => {
    h.bills.forEach((bill, i) => {
      if (i === 0 || bill.issueDay > options.asOfDay) return;
      const day = bill.issueDay - 1;
      const late = bill.dueDay < options.asOfDay ? Number(paidLate(bill)) : NaN;
      const seen = bill.dueDay + defaultDays < options.asOfDay;
      const defaulted = seen ? Number(bill.settledDay === null || bill.settledDay > bill.dueDay + defaultDays) : NaN;
      rows.push({ c, day, late, defaulted, x: paymentFeatures(h, day, options.theft?.has(c) ?? false) });
    });
  });
  const values = new Float64Array(rows.length * p);
  rows.forEach((r, i) => values.set(r.x, i * p));
  return {
    featureNames: PAYMENT_FEATURE_NAMES, nRows: rows.length, values,
    customer: Int32Array.from(rows, (r) => r.c), day: Int32Array.from(rows, (r) => r.day),
    late: Float64Array.from(rows, (r) => r.late), defaulted: Float64Array.from(rows, (r) => r.defaulted),
  };
}

/** The features of every customer on the as-of day (the rows the model scores). */
export function currentFeatures(histories: readonly BillHistory[], asOfDay: number, theft?: ReadonlySet<number>): Dataset {
  const p = PAYMENT_FEATURE_NAMES.length;
  const values = new Float64Array(histories.length * p);
  histories.forEach((h, c) => values.set(paymentFeatures(h, asOfDay, theft?.has(c) ?? false), c * p));
  return new Dataset({ featureNames: PAYMENT_FEATURE_NAMES, values });
}

/** Rows of the panel as a dataset with one of its labels, keeping only rows where that label is observed. */
export function labelledRows(panel: ArrearsPanel, label: 'late' | 'defaulted', keep: (row: number) => boolean = () => true): { data: Dataset; rows: Int32Array } {
  const y = panel[label];
  const rows = Int32Array.from({ length: panel.nRows }, (_, r) => r).filter((r) => !Number.isNaN(y[r]) && keep(r));
  const p = panel.featureNames.length;
  const values = new Float64Array(rows.length * p);
  rows.forEach((r, i) => values.set(panel.values.subarray(r * p, r * p + p), i * p));
  return { data: new Dataset({ featureNames: panel.featureNames, values, target: Float64Array.from(rows, (r) => y[r]) }), rows };
}

/**
 * The first snapshot day of the time-based hold-out: the last `testCycles` distinct snapshot
 * months with an observed label are held out, everything earlier trains.
 */
export function holdoutStartDay(panel: ArrearsPanel, label: 'late' | 'defaulted', testCycles: number): number | null {
  const y = panel[label];
  const months = new Set<number>();
  for (let r = 0; r < panel.nRows; r++) if (!Number.isNaN(y[r])) months.add(Math.floor(panel.day[r] / 30.4375));
  const sorted = [...months].sort((a, b) => a - b);
  if (sorted.length <= testCycles) return null;
  return Math.ceil(sorted[sorted.length - testCycles] * 30.4375);
}
