import { applyFaults, applyTheft, defaultFaultRates, drawFaultPlan, theftEvents, type FaultLabel, type FaultRates, type MeterEvent } from './anomalies/index.js';
import { generateLoad, type SimulationContext } from './load/index.js';
import { applyOutages, type Outage } from './outages.js';
import { quantizeKwh, reportedSeries, type ReportedSeries } from './reported-series.js';
import type { Rng } from './rng.js';
import type { SynthCustomer } from './population.js';

/** Everything one customer's meter produced over the run. */
export interface CustomerSimulation {
  /** Energy the customer really drew from the grid, net of PV export (what the area meter sees). */
  readonly trueNetKwh: Float64Array;
  /** What the meter measured on the import channel (after theft, before data faults), 1 Wh resolution. */
  readonly meteredKwh: Float64Array;
  /** What the store keeps of the import channel after the head-end's data faults. */
  readonly reported: ReportedSeries;
  /** Export channel (PV), 1 Wh resolution, or null. */
  readonly exportKwh: Float64Array | null;
  readonly faultLabels: FaultLabel[];
  readonly meterEvents: MeterEvent[];
  readonly stolenKwh: number;
}

export function faultRatesScaled(factor: number): FaultRates {
  return Object.fromEntries(Object.entries(defaultFaultRates).map(([k, v]) => [k, v * factor])) as unknown as FaultRates;
}

function quantize(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = quantizeKwh(values[i]);
  return values;
}

export function simulateCustomer(
  customer: SynthCustomer, ctx: SimulationContext, outages: readonly Outage[], faultRates: FaultRates, rng: Rng,
): CustomerSimulation {
  const load = generateLoad(customer.archetype, customer.params, ctx, rng.fork('load'));
  const importTrue = load.importKwh;
  const exportKwh = load.exportKwh ? quantize(load.exportKwh) : null;
  applyOutages(outages, load.consumptionKwh, importTrue, exportKwh);
  quantize(importTrue);
  const trueNetKwh = new Float64Array(ctx.steps);
  for (let i = 0; i < ctx.steps; i++) trueNetKwh[i] = importTrue[i] - (exportKwh ? exportKwh[i] : 0);
  let meteredKwh = importTrue;
  let stolenKwh = 0;
  const meterEvents: MeterEvent[] = [];
  if (customer.theft) {
    meteredKwh = quantize(applyTheft(importTrue, customer.theft, ctx.stepsPerDay, rng.fork('theft')));
    for (let i = 0; i < ctx.steps; i++) stolenKwh += importTrue[i] - meteredKwh[i];
    meterEvents.push(...theftEvents(customer.theft, ctx.steps, rng.fork('theft-events')));
  }
  const plan = drawFaultPlan(rng.fork('fault-plan'), ctx.days.count, ctx.stepsPerDay, faultRates);
  const faulted = applyFaults(meteredKwh, plan, ctx.stepsPerDay, rng.fork('faults'));
  return {
    trueNetKwh, meteredKwh, reported: reportedSeries(faulted), exportKwh, faultLabels: faulted.labels, meterEvents, stolenKwh,
  };
}
