import type { TableBatch } from '../core/record-batch.js';
import { Channel } from '../core/schemas/meter.js';
import { demoTariff } from '../core/tariff/index.js';
import { areaMeterReadings } from './area-meter.js';
import { areaRecords } from './area-records.js';
import { ReadingsBuffer } from './batches/readings-buffer.js';
import { RowCollector } from './batches/row-collector.js';
import { billCustomer } from './billing-run.js';
import { customerRecords } from './customer-records.js';
import { faultRatesScaled, simulateCustomer } from './customer-simulation.js';
import type { FaultRates } from './anomalies/index.js';
import { drawOutages, type Outage } from './outages.js';
import { buildPopulation, type Population, type SynthArea, type SynthCustomer } from './population.js';
import { SOURCE_AREA_METERS, SOURCE_HEAD_END } from './reference-rows.js';
import { Rng } from './rng.js';
import { prepareRun, type RunContext } from './run-context.js';
import type { SynthOptions } from './synth-options.js';

const READINGS_BATCH = 1 << 20;

/**
 * Generates transformer areas one at a time: every customer's readings and records, then the area
 * meter and its transformer's telemetry. Each area and customer draws from its own random stream,
 * so any subset of areas, in any order or any worker thread, produces the same rows.
 */
export class AreaGenerator {
  readonly rng: Rng;
  readonly run: RunContext;
  readonly population: Population;
  private readonly readings = new ReadingsBuffer(READINGS_BATCH, SOURCE_HEAD_END);
  private readonly records = new RowCollector();
  private readonly faultRates: FaultRates;

  constructor(readonly options: SynthOptions) {
    this.rng = new Rng(options.seed, 'gridlens-synth');
    this.run = prepareRun(options);
    this.population = buildPopulation(options, this.rng.fork('population'));
    this.faultRates = faultRatesScaled(options.faultRate);
  }

  /** Batches of the given areas; `onCustomer` is called after each customer. */
  *areas(indices: Iterable<number>, onCustomer?: () => void): Generator<TableBatch> {
    for (const index of indices) yield* this.area(this.population.areas[index], onCustomer);
    if (this.readings.length) yield { table: 'readings', batch: this.readings.take() };
    yield* this.records.drain();
  }

  private *area(area: SynthArea, onCustomer?: () => void): Generator<TableBatch> {
    const { run, options } = this;
    const areaRng = this.rng.fork('area', area.index);
    const outages = drawOutages(areaRng.fork('outages'), options.days, run.ctx.stepsPerDay, (d) => run.ctx.days.month[d]);
    const areaNet = new Float64Array(run.ctx.steps);
    let stolen = 0;
    for (const index of area.customers) {
      stolen += this.customer(this.population.customers[index], area, outages, areaNet);
      onCustomer?.();
      if (this.readings.full) yield { table: 'readings', batch: this.readings.take() };
      if (this.records.ready) yield* this.records.drain();
    }
    const meter = areaMeterReadings(areaNet, area.lossRatio, areaRng.fork('area-meter'));
    for (const o of outages) meter.inputKwh.fill(0, o.startIndex, o.endIndex);
    yield* areaRecords(area, meter, stolen, areaNet, run, areaRng, SOURCE_AREA_METERS);
  }

  private customer(customer: SynthCustomer, area: SynthArea, outages: readonly Outage[], areaNet: Float64Array): number {
    const { run } = this;
    const rng = this.rng.fork('customer-run', customer.index);
    const sim = simulateCustomer(customer, run.ctx, outages, this.faultRates, rng);
    this.readings.addSeries(customer.meterId, Channel.import, run.ctx.startMs, run.stepMs, sim.reported.kwh);
    if (sim.exportKwh) this.readings.addSeries(customer.meterId, Channel.export, run.ctx.startMs, run.stepMs, sim.exportKwh);
    for (let i = 0; i < areaNet.length; i++) areaNet[i] += sim.trueNetKwh[i];
    const bills = billCustomer(customer, demoTariff(customer.tariffId), run.ctx, sim.meteredKwh, run.calendar);
    customerRecords(customer, area, sim, bills, outages, run, rng, this.records);
    return sim.stolenKwh;
  }
}
