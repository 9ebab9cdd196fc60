import type { MeterSeries } from './meter-series.js';
import type { VeeContext } from './vee-context.js';
import type { VeeRules } from './vee-rules.js';

export type EditQuality = 'estimated' | 'edited';

/**
 * A changed value. `original` is the value as delivered (NaN if missing) and is never lost;
 * `estimated` values were computed, `edited` ones were moved (clock correction), restored from a
 * superseded delivery or removed (`value` NaN when an invalid value could not be estimated).
 */
export interface Edit {
  readonly index: number;
  readonly original: number;
  readonly value: number;
  readonly quality: EditQuality;
  readonly method: string;
  readonly reason: string;
}

/** What estimators work on; the pipeline applies their edits between estimators. */
export interface EstimationState {
  /** Working values: delivered, then corrected, then estimated. */
  readonly values: Float64Array;
  /** Values as delivered. */
  readonly original: Float64Array;
  /** 1 where a value is still to be estimated. */
  readonly pending: Uint8Array;
  /** 1 where an estimator of this run produced the value. */
  readonly estimated: Uint8Array;
  /** Method of the estimate at each estimated slot. */
  readonly methodOf: Map<number, string>;
  /** 1 for each local day that may serve as a like-day reference: complete, validated, no outage. */
  readonly referenceDay: Uint8Array;
}

/** Every estimator has this shape: it proposes edits for pending (or estimated) slots. */
export type VeeEstimator = (series: MeterSeries, rules: VeeRules, ctx: VeeContext, state: EstimationState) => Edit[];
