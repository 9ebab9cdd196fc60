import { Channel } from '../../core/schemas/meter.js';
import { MS_PER_DAY, MS_PER_MINUTE, localMidnightUtc } from '../../core/time/index.js';
import { applyFaults, drawFaultPlan, type FaultedSeries, type FaultLabel, type FaultRates } from '../../synth/anomalies/index.js';
import { Rng } from '../../synth/rng.js';
import { slotDeliveries, type Deliveries } from './deliveries.js';
import { pickClass, plausibleMeter } from './fleet-load.testkit.js';
import { MeterSeries, type RegisterPoint } from './meter-series.js';

export interface FaultedMeter {
  readonly series: MeterSeries;
  readonly truth: Float64Array;
  readonly labels: readonly FaultLabel[];
}

export interface FleetOptions {
  readonly firstDate: string;
  readonly days: number;
  readonly intervalMinutes: 15 | 30 | 60;
  readonly rates?: Partial<FaultRates>;
  /** Daily frozen register reads at local midnight (日冻结示数), from the true load. */
  readonly registers?: boolean;
}

const timeZone = 'Asia/Shanghai';
const quantize = (v: number) => Math.round(v * 1000) / 1000;

/** One meter of a plausible fleet hit by the synthetic utility's meter faults, as the head-end delivers it. */
export function faultedMeter(seed: number, o: FleetOptions): FaultedMeter {
  const stepsPerDay = 1440 / o.intervalMinutes;
  const firstEpochDay = Math.floor(Date.parse(`${o.firstDate}T00:00:00Z`) / MS_PER_DAY);
  const meterClass = pickClass(new Rng(seed, 'class'));
  const meter = plausibleMeter(seed, meterClass, firstEpochDay, o.days, stepsPerDay);
  const plan = drawFaultPlan(new Rng(seed, 'faults'), o.days, stepsPerDay, o.rates);
  const faulted = applyFaults(meter.load, plan, stepsPerDay, new Rng(seed, 'apply'));
  const startMs = localMidnightUtc(o.firstDate, timeZone);
  const deliveries = deliver(faulted, startMs, o.intervalMinutes);
  const values = slotDeliveries(deliveries, startMs, o.intervalMinutes, meter.load.length);
  const registerReads = o.registers ? dailyRegisters(meter.load, startMs, stepsPerDay, o.intervalMinutes) : undefined;
  const series = new MeterSeries({
    meterId: seed + 1, channel: Channel.import, startMs, intervalMinutes: o.intervalMinutes, values, timeZone,
    context: { meterClass, contractKva: meter.contractKva, deliveries, ...(registerReads ? { registerReads } : {}) },
  });
  return { series, truth: meter.load, labels: faulted.labels };
}

/** Primary deliveries in time order (interval i stamped at slot i + shift), then the re-sends. */
export function deliver(f: FaultedSeries, startMs: number, intervalMinutes: number): Deliveries {
  const step = intervalMinutes * MS_PER_MINUTE;
  const n = f.values.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (f.present[i] === 1) count++;
  const m = count + f.extra.length;
  const out = { tsMs: new Float64Array(m), values: new Float64Array(m), arrival: new Float64Array(m) };
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (f.present[i] !== 1) continue;
    out.tsMs[k] = startMs + (i + f.timeShiftSteps[i]) * step;
    out.values[k] = quantize(f.values[i]);
    out.arrival[k] = k;
    k++;
  }
  for (const e of f.extra) {
    out.tsMs[k] = startMs + e.index * step;
    out.values[k] = quantize(e.value);
    out.arrival[k] = k;
    k++;
  }
  return out;
}

function dailyRegisters(load: Float64Array, startMs: number, stepsPerDay: number, intervalMinutes: number): RegisterPoint[] {
  const reads: RegisterPoint[] = [];
  let register = 12_345.67;
  for (let d = 0; d * stepsPerDay <= load.length; d++) {
    reads.push({ tsMs: startMs + d * stepsPerDay * intervalMinutes * MS_PER_MINUTE, kwh: Math.round(register * 100) / 100 });
    for (let i = d * stepsPerDay; i < Math.min(load.length, (d + 1) * stepsPerDay); i++) register += load[i];
  }
  return reads;
}

