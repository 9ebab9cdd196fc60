import type { AppliedAdjustment } from './day-of-adjustment.js';
import type { BaselineParams } from './baseline-params.js';
import type { DayLoadMatrix } from './day-load-matrix.js';

/** An event window on the local clock of the event day: [startMinute, endMinute) after midnight. */
export interface EventWindow {
  readonly startMinute: number;
  readonly endMinute: number;
}

export interface BaselineInput {
  readonly load: DayLoadMatrix;
  /** Local epoch day of the event (days since 1970-01-01 of the local date). */
  readonly eventDay: number;
  readonly window: EventWindow;
  /** Local epoch days that are not comparison days: earlier event days, outages, prior-event days. */
  readonly excludedDays?: ReadonlySet<number>;
  /** Daily mean temperature (°C) per matrix day, for weather-matched selection. */
  readonly dailyTemperature?: Float64Array;
}

export interface ComputedBaseline {
  readonly kind: 'baseline';
  readonly method: string;
  /** Baseline kWh for every interval of the event day (adjusted when the method adjusts). */
  readonly kwh: Float64Array;
  /** Step range of the event window in `kwh`: [startStep, endStep). */
  readonly startStep: number;
  readonly endStep: number;
  /** Local epoch days averaged, newest first. */
  readonly days: readonly number[];
  readonly adjustment: AppliedAdjustment;
}

/** Not enough eligible days (an expected outcome, not an error). */
export interface InsufficientBaseline {
  readonly kind: 'insufficient';
  readonly method: string;
  /** Too few eligible days, or no temperature for the event day (weather matching). */
  readonly reason: 'eligible-days' | 'temperature';
  readonly eligibleDays: number;
  readonly required: number;
}

export type BaselineOutcome = ComputedBaseline | InsufficientBaseline;

/** Every baseline method has this shape; methods are picked from the registry by name. */
export interface BaselineMethod {
  readonly name: string;
  readonly description: string;
  readonly params: BaselineParams;
  /** Whether the method needs `dailyTemperature`. */
  readonly needsTemperature: boolean;
  compute(input: BaselineInput): BaselineOutcome;
}
