import type { ProgressListener, TableBatch } from '../core/record-batch.js';
import { batchFromRows } from '../core/record-batch.js';
import { Channel } from '../core/schemas/meter.js';
import { demoTariff } from '../core/tariff/index.js';
import { areaMeterReadings } from './area-meter.js';
import { ReadingsBuffer } from './batches/readings-buffer.js';
import { RowCollector } from './batches/row-collector.js';
import { billCustomer } from './billing-run.js';
import { customerRecords } from './customer-records.js';
import { faultRatesScaled, simulateCustomer } from './customer-simulation.js';
import { areaRecords } from './area-records.js';
import { drawOutages } from './outages.js';
import { buildPopulation, type SynthArea, type SynthCustomer } from './population.js';
import { SOURCE_AREA_METERS, SOURCE_HEAD_END, referenceRows } from './reference-rows.js';
import { Rng } from './rng.js';
import type { SynthOptions } from './synth-options.js';
import { prepareRun, weatherRows, type RunContext } from './run-context.js';

const READINGS_BATCH = 1 << 20;

/**
 * The synthetic utility as a stream of table batches: master data first, then transformer area by
 * transformer area every customer's readings and records, the area meter and its telemetry.
 * Deterministic for a seed: every customer and area draws from its own random stream.
 */
export async function* generateUtility(options: SynthOptions, onProgress?: ProgressListener): AsyncGenerator<TableBatch> {
  const rng = new Rng(options.seed, 'gridlens-synth');
  const run = prepareRun(options);
  const population = buildPopulation(options, rng.fork('population'));
  for (const [table, rows] of Object.entries(referenceRows(population, options))) yield { table, batch: batchFromRows(rows) };
  yield weatherRows(run);
  const readings = new ReadingsBuffer(READINGS_BATCH, SOURCE_HEAD_END);
  const records = new RowCollector();
  const faultRates = faultRatesScaled(options.faultRate);
  let done = 0;
  for (const area of population.areas) {
    const areaRng = rng.fork('area', area.index);
    const outages = drawOutages(areaRng.fork('outages'), options.days, run.ctx.stepsPerDay, (d) => run.ctx.days.month[d]);
    const areaNet = new Float64Array(run.ctx.steps);
    let stolen = 0;
    for (const index of area.customers) {
      const customer = population.customers[index];
      stolen += simulateInto(customer, area, run, outages, faultRates, rng.fork('customer-run', index), readings, records, areaNet);
      onProgress?.({ phase: 'readings', done: ++done, total: options.customers });
      if (readings.full) yield { table: 'readings', batch: readings.take() };
      if (records.ready) yield* records.drain();
    }
    const meter = areaMeterReadings(areaNet, area.lossRatio, areaRng.fork('area-meter'));
    for (const o of outages) meter.inputKwh.fill(0, o.startIndex, o.endIndex);
    yield* areaRecords(area, meter, stolen, areaNet, run, areaRng, SOURCE_AREA_METERS);
  }
  if (readings.length) yield { table: 'readings', batch: readings.take() };
  yield* records.drain();
}

function simulateInto(
  customer: SynthCustomer, area: SynthArea, run: RunContext, outages: ReturnType<typeof drawOutages>,
  faultRates: ReturnType<typeof faultRatesScaled>, rng: Rng, readings: ReadingsBuffer, records: RowCollector, areaNet: Float64Array,
): number {
  const sim = simulateCustomer(customer, run.ctx, outages, faultRates, rng);
  readings.addSeries(customer.meterId, Channel.import, run.ctx.startMs, run.stepMs, sim.reported.kwh);
  if (sim.exportKwh) readings.addSeries(customer.meterId, Channel.export, run.ctx.startMs, run.stepMs, sim.exportKwh);
  for (let i = 0; i < areaNet.length; i++) areaNet[i] += sim.trueNetKwh[i];
  const bills = billCustomer(customer, demoTariff(customer.tariffId), run.ctx, sim.meteredKwh, run.calendar);
  customerRecords(customer, area, sim, bills, outages, run, rng, records);
  return sim.stolenKwh;
}
