import { ValidationError } from '../../core/errors.js';
import { Quality, type QualityCode } from '../../core/schemas/meter.js';
import type { Rng } from '../rng.js';
import type { FaultedSeries, FaultLabel, FaultPlan, FaultType, PlannedFault } from './fault-types.js';
import { assertRange, stepsPerHourOf } from './series-shape.js';

/** Level used for spikes and forced values when a meter reads zero throughout. */
const minimumLevelKwh = 0.01;

interface FaultContext {
  readonly series: FaultedSeries;
  /** Mean of the meter's positive readings: the "normal" a spike is measured against. */
  readonly level: number;
  readonly stepsPerHour: number;
  readonly rng: Rng;
}

type Injector<T extends FaultType> = (ctx: FaultContext, fault: PlannedFault<T>) => FaultLabel;

/**
 * What the head-end exports after `plan`'s faults hit `meteredKwh` (which is not changed), with one
 * label per fault. A label carries `trueValue` whenever the exported values of its range differ
 * from the metered truth (missing, spiked, stuck, negative, or a wrong first delivery).
 */
export function applyFaults(meteredKwh: Float64Array, plan: FaultPlan, stepsPerDay: number, rng: Rng): FaultedSeries {
  const stepsPerHour = stepsPerHourOf(stepsPerDay);
  assertDisjoint(plan, meteredKwh.length);
  const n = meteredKwh.length;
  const series: FaultedSeries = {
    values: meteredKwh.slice(),
    present: new Uint8Array(n).fill(1),
    timeShiftSteps: new Int8Array(n),
    extra: [],
    labels: [],
  };
  const ctx: FaultContext = { series, level: positiveMean(meteredKwh), stepsPerHour, rng };
  for (const fault of plan.faults) series.labels.push(inject(ctx, fault));
  return series;
}

/** The quality code an exported interval carries before VEE: actual, or missing. */
export function qualityAt(series: FaultedSeries, index: number): QualityCode {
  return series.present[index] === 1 ? Quality.actual : Quality.missing;
}

function inject<T extends FaultType>(ctx: FaultContext, fault: PlannedFault<T>): FaultLabel {
  const injector: Injector<T> = injectors[fault.faultType];
  return injector(ctx, fault);
}

const injectors: { [T in FaultType]: Injector<T> } = {
  gap: (ctx, f) => markMissing(ctx, f, `${f.endIndex - f.startIndex} missing intervals`),
  comm_loss: (ctx, f) => markMissing(ctx, f, `${hours(ctx, f)} h lost to a communication failure`),
  spike: injectSpike,
  stuck: injectStuck,
  duplicate: injectDuplicate,
  clock_shift: injectClockShift,
  negative: injectNegative,
};

function markMissing(ctx: FaultContext, f: PlannedFault, detail: string): FaultLabel {
  const { values, present } = ctx.series;
  const trueValue = values.slice(f.startIndex, f.endIndex);
  values.fill(Number.NaN, f.startIndex, f.endIndex);
  present.fill(0, f.startIndex, f.endIndex);
  return label(f, detail, trueValue);
}

function injectSpike(ctx: FaultContext, f: PlannedFault<'spike'>): FaultLabel {
  const { values } = ctx.series;
  const trueValue = values.slice(f.startIndex, f.endIndex);
  for (let i = f.startIndex; i < f.endIndex; i++) values[i] = f.params.factor * Math.max(values[i], ctx.level);
  return label(f, `${f.params.factor.toFixed(1)}× the normal level`, trueValue);
}

/** The register stops: the first value (or the meter's level, if that is zero) repeats. */
function injectStuck(ctx: FaultContext, f: PlannedFault<'stuck'>): FaultLabel {
  const { values } = ctx.series;
  const trueValue = values.slice(f.startIndex, f.endIndex);
  const stuckValue = values[f.startIndex] > 0 ? values[f.startIndex] : ctx.level;
  values.fill(stuckValue, f.startIndex, f.endIndex);
  return label(f, `stuck at ${stuckValue.toFixed(4)} kWh for ${hours(ctx, f)} h`, trueValue);
}

/** Every interval of the run is delivered twice; a corrected re-send fixes a wrong first delivery. */
function injectDuplicate(ctx: FaultContext, f: PlannedFault<'duplicate'>): FaultLabel {
  const { values, extra } = ctx.series;
  const trueValue = f.params.corrected ? values.slice(f.startIndex, f.endIndex) : undefined;
  for (let i = f.startIndex; i < f.endIndex; i++) {
    extra.push({ index: i, value: values[i] });
    if (f.params.corrected) values[i] = wrongFirstDelivery(values[i], ctx);
  }
  return label(f, f.params.corrected ? 'corrected re-send, first delivery wrong' : 'identical re-delivery', trueValue);
}

function wrongFirstDelivery(value: number, ctx: FaultContext): number {
  const error = ctx.rng.uniform(0.1, 0.5);
  if (value <= 0) return ctx.level * error;
  return value * (ctx.rng.chance(0.5) ? 1 + error : 1 - error);
}

function injectClockShift(ctx: FaultContext, f: PlannedFault<'clock_shift'>): FaultLabel {
  const shift = f.params.shiftSteps;
  ctx.series.timeShiftSteps.fill(shift, f.startIndex, f.endIndex);
  const sign = shift > 0 ? '+' : '−';
  return label(f, `timestamps ${sign}${Math.abs(shift) / ctx.stepsPerHour} h (${shift} steps) for ${hours(ctx, f)} h`);
}

/** Sign error on the import channel; a zero reading is forced to a small negative value. */
function injectNegative(ctx: FaultContext, f: PlannedFault<'negative'>): FaultLabel {
  const { values } = ctx.series;
  const trueValue = values.slice(f.startIndex, f.endIndex);
  for (let i = f.startIndex; i < f.endIndex; i++) values[i] = -Math.max(values[i], 0.1 * ctx.level);
  return label(f, 'sign error on the import channel', trueValue);
}

function label(f: PlannedFault, detail: string, trueValue?: Float64Array): FaultLabel {
  const base = { faultType: f.faultType, startIndex: f.startIndex, endIndex: f.endIndex, detail };
  return trueValue === undefined ? base : { ...base, trueValue };
}

function hours(ctx: FaultContext, f: PlannedFault): number {
  return (f.endIndex - f.startIndex) / ctx.stepsPerHour;
}

function positiveMean(values: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > 0) {
      sum += values[i];
      count++;
    }
  }
  return count > 0 ? sum / count : minimumLevelKwh;
}

function assertDisjoint(plan: FaultPlan, length: number): void {
  let previousEnd = 0;
  for (const f of plan.faults) {
    assertRange(f.startIndex, f.endIndex, length);
    if (f.startIndex < previousEnd) throw new ValidationError('fault plan has overlapping or unsorted faults', { startIndex: f.startIndex, previousEnd });
    previousEnd = f.endIndex;
  }
}
