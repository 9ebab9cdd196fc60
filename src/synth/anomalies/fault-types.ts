import type { LocalizedLabel } from './localized-label.js';

/**
 * Meter-data faults that validation, estimation and editing (VEE) must find. `gap` is a short run
 * of missing intervals (at most 2 h, the linear-interpolation limit); `comm_loss` is a day or more
 * lost to a communication failure (like-day estimation).
 */
export const faultTypes = {
  gap: { 'zh-CN': '短时缺数', en: 'missing intervals' },
  comm_loss: { 'zh-CN': '通信中断', en: 'communication loss' },
  spike: { 'zh-CN': '数据尖峰', en: 'spike' },
  stuck: { 'zh-CN': '读数卡滞', en: 'stuck meter' },
  duplicate: { 'zh-CN': '重复上报', en: 'duplicate delivery' },
  clock_shift: { 'zh-CN': '时钟偏移', en: 'clock shift' },
  negative: { 'zh-CN': '负值读数', en: 'negative value' },
} as const satisfies Record<string, LocalizedLabel>;

export type FaultType = keyof typeof faultTypes;
export const faultTypeNames = Object.keys(faultTypes) as FaultType[];

/** Parameters of each fault, fixed when the plan is drawn. */
export interface FaultParamsByType {
  gap: Record<string, never>;
  comm_loss: Record<string, never>;
  /** Spike value = factor · max(true value, the meter's mean level). */
  spike: { readonly factor: number };
  stuck: Record<string, never>;
  /** `corrected`: the first delivery was wrong and a re-send carries the right value. */
  duplicate: { readonly corrected: boolean };
  /** Reported timestamp offset, in steps (±1 h). */
  clock_shift: { readonly shiftSteps: number };
  negative: Record<string, never>;
}

/** One planned fault over the half-open range `[startIndex, endIndex)`. */
export type PlannedFault<T extends FaultType = FaultType> = {
  [K in T]: { readonly faultType: K; readonly startIndex: number; readonly endIndex: number; readonly params: FaultParamsByType[K] };
}[T];

/** A meter's faults, sorted by start, never overlapping and separated by at least one clean interval. */
export interface FaultPlan {
  readonly faults: readonly PlannedFault[];
}

/** Ground truth for scoring VEE. `trueValue` holds the correct value of every interval in the range. */
export interface FaultLabel {
  readonly faultType: FaultType;
  readonly startIndex: number;
  /** Exclusive. */
  readonly endIndex: number;
  readonly detail: string;
  readonly trueValue?: Float64Array;
}

/** A later delivery of interval `index`. */
export interface ExtraDelivery {
  readonly index: number;
  readonly value: number;
}

/**
 * What the head-end system exports for one meter and channel. Missing intervals have
 * `present[i] = 0` and `values[i] = NaN`; interval i is reported at timestamp
 * `start(i + timeShiftSteps[i])`; `extra` lists re-deliveries, which arrive after the primary values.
 */
export interface FaultedSeries {
  readonly values: Float64Array;
  readonly present: Uint8Array;
  readonly timeShiftSteps: Int8Array;
  readonly extra: ExtraDelivery[];
  readonly labels: FaultLabel[];
}
