import type { BaselineInput, BaselineMethod, ComputedBaseline } from './baseline.js';

/** Accuracy of a baseline over event-window intervals of non-event days (PJM certifies relRMSE < 20%). */
export interface BaselineAccuracy {
  readonly method: string;
  /** Days with a baseline (pseudo-events scored). */
  readonly days: number;
  /** Days skipped for lack of eligible comparison days. */
  readonly insufficientDays: number;
  readonly intervals: number;
  /** RMSE(baseline − actual) / mean(actual) over the scored intervals. */
  readonly relRmse: number;
  /** mean(baseline − actual) / mean(actual): positive = the baseline over-states load (over-pays). */
  readonly bias: number;
  /** Mean absolute error / mean actual. */
  readonly relMae: number;
  /** relRMSE of the event-window total per day (what per-event settlement pays on). */
  readonly eventRelRmse: number;
  /** Days whose day-of adjustment hit its cap. */
  readonly cappedDays: number;
}

/** Accumulates baseline errors day by day; `result()` gives the PJM-style accuracy. */
export class BaselineAccuracyAccumulator {
  private sse = 0;
  private sae = 0;
  private se = 0;
  private sumActual = 0;
  private n = 0;
  private eventSse = 0;
  private eventActual = 0;
  private scoredDays = 0;
  private insufficient = 0;
  private capped = 0;

  constructor(readonly method: BaselineMethod) {}

  /** Scores the method on one pseudo-event day; returns false when no baseline was possible. */
  addDay(input: BaselineInput): boolean {
    const outcome = this.method.compute(input);
    if (outcome.kind === 'insufficient') {
      this.insufficient++;
      return false;
    }
    this.add(outcome, input.load.day(input.load.dayIndex(input.eventDay)));
    return true;
  }

  /** Scores a computed baseline against the day's actual load over its event window. */
  add(outcome: ComputedBaseline, actual: Float64Array): void {
    let dayError = 0, dayActual = 0;
    for (let s = outcome.startStep; s < outcome.endStep; s++) {
      if (Number.isNaN(actual[s])) continue;
      const e = outcome.kwh[s] - actual[s];
      this.sse += e * e;
      this.sae += Math.abs(e);
      this.se += e;
      this.sumActual += actual[s];
      this.n++;
      dayError += e;
      dayActual += actual[s];
    }
    this.eventSse += dayError * dayError;
    this.eventActual += dayActual;
    this.scoredDays++;
    if (outcome.adjustment.capped) this.capped++;
  }

  /** Counts a day no baseline could be computed for. */
  skip(): void {
    this.insufficient++;
  }

  /** Merges another accumulator of the same method (pooling households). */
  merge(other: BaselineAccuracyAccumulator): this {
    this.sse += other.sse; this.sae += other.sae; this.se += other.se; this.sumActual += other.sumActual;
    this.n += other.n; this.eventSse += other.eventSse; this.eventActual += other.eventActual; this.scoredDays += other.scoredDays; this.insufficient += other.insufficient; this.capped += other.capped;
    return this;
  }

  result(): BaselineAccuracy {
    const mean = this.n ? this.sumActual / this.n : Number.NaN;
    return {
      method: this.method.name, days: this.scoredDays, insufficientDays: this.insufficient, intervals: this.n,
      relRmse: Math.sqrt(this.sse / this.n) / mean, bias: this.se / this.n / mean, relMae: this.sae / this.n / mean,
      eventRelRmse: Math.sqrt(this.eventSse / this.scoredDays) / (this.eventActual / this.scoredDays), cappedDays: this.capped,
    };
  }
}
