import { Dataset } from '../ml/index.js';
import type { BillBook } from './bill-book.js';
import { PAYMENT_FEATURE_NAMES, paymentFeaturesInto } from './payment-features.js';

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
  /** Customers (positions in the book) with confirmed theft. */
  readonly theft?: ReadonlySet<number>;
  readonly defaultDays?: number;
}

/** Bills that make a snapshot: every bill of a customer after the first, issued by the as-of day. */
function snapshotBills(book: BillBook, asOfDay: number): Int32Array {
  const bills: number[] = [];
  for (let c = 0; c < book.nCustomers; c++) {
    for (let i = book.billStart[c] + 1, end = book.knownEnd(c, asOfDay); i < end; i++) bills.push(i);
  }
  return Int32Array.from(bills);
}

/** Builds the snapshot panel of every customer's bill history, oldest bills first. */
export function buildArrearsPanel(book: BillBook, options: PanelOptions): ArrearsPanel {
  const defaultDays = options.defaultDays ?? DEFAULT_DAYS;
  const p = PAYMENT_FEATURE_NAMES.length;
  const bills = snapshotBills(book, options.asOfDay);
  const n = bills.length;
  const values = new Float64Array(n * p);
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const late = new Float64Array(n);
  const defaulted = new Float64Array(n);
  let c = 0;
  for (let r = 0; r < n; r++) {
    const i = bills[r];
    while (book.billStart[c + 1] <= i) c++;
    const due = book.dueDay[i];
    const settled = book.settledDay[i];
    customer[r] = c;
    day[r] = book.issueDay[i] - 1;
    late[r] = due < options.asOfDay ? Number(book.paidLate(i)) : NaN;
    defaulted[r] = due + defaultDays < options.asOfDay ? Number(!(settled <= due + defaultDays)) : NaN;
    paymentFeaturesInto(book, c, day[r], options.theft?.has(c) ?? false, values, r * p);
  }
  return { featureNames: PAYMENT_FEATURE_NAMES, nRows: n, values, customer, day, late, defaulted };
}

/** The features of every customer on the as-of day (the rows the model scores). */
export function currentFeatures(book: BillBook, asOfDay: number, theft?: ReadonlySet<number>): Dataset {
  const p = PAYMENT_FEATURE_NAMES.length;
  const values = new Float64Array(book.nCustomers * p);
  for (let c = 0; c < book.nCustomers; c++) paymentFeaturesInto(book, c, asOfDay, theft?.has(c) ?? false, values, c * p);
  return new Dataset({ featureNames: PAYMENT_FEATURE_NAMES, values });
}

/** Panel rows whose `label` is observed and that `keep` accepts, in panel order. */
export function observedRows(panel: ArrearsPanel, label: 'late' | 'defaulted', keep: (row: number) => boolean = () => true): Int32Array {
  const y = panel[label];
  const rows = new Int32Array(panel.nRows);
  let n = 0;
  for (let r = 0; r < panel.nRows; r++) if (!Number.isNaN(y[r]) && keep(r)) rows[n++] = r;
  return rows.slice(0, n);
}

/** Rows of the panel as a dataset with one of its labels, keeping only rows where that label is observed. */
export function labelledRows(panel: ArrearsPanel, label: 'late' | 'defaulted', keep: (row: number) => boolean = () => true): { data: Dataset; rows: Int32Array } {
  const rows = observedRows(panel, label, keep);
  return { data: panelDataset(panel, label, rows), rows };
}

/** The given panel rows (with an observed `label`) as a dataset with that label as target. */
export function panelDataset(panel: ArrearsPanel, label: 'late' | 'defaulted', rows: Int32Array): Dataset {
  const y = panel[label];
  const p = panel.featureNames.length;
  const values = new Float64Array(rows.length * p);
  rows.forEach((r, i) => values.set(panel.values.subarray(r * p, r * p + p), i * p));
  return new Dataset({ featureNames: panel.featureNames, values, target: Float64Array.from(rows, (r) => y[r]) });
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
