/** Names of the validators, in the order `runVee` runs them (see run-vee.ts). */
export const checkNames = [
  'time', 'duplicate', 'gap', 'clock-shift',
  'negative', 'limit', 'spike', 'flatline', 'zero-run', 'daily-band', 'register-sum',
] as const;
export type CheckName = (typeof checkNames)[number];

export type Severity = 'error' | 'warning' | 'info';

/**
 * A validation finding over slots `[startIndex, endIndex)`. `error` marks values VEE must not use
 * as they are; `warning` marks suspicious but kept values; `info` is a signal (an identical
 * re-delivery dropped, a long zero run on an active account).
 */
export interface Flag {
  readonly check: CheckName;
  /** Stable machine-readable finding, `<check>.<kind>` (`gap.long`, `duplicate.superseded`). */
  readonly code: string;
  readonly startIndex: number;
  /** Exclusive. */
  readonly endIndex: number;
  readonly severity: Severity;
  /** English, with the facts: values, thresholds, times. */
  readonly reason: string;
  readonly reasonZh: string;
  /** The same facts, machine-readable. */
  readonly facts?: Readonly<Record<string, number | string | boolean>>;
}
