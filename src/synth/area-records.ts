import type { TableBatch } from '../core/record-batch.js';
import type { AreaMeterResult } from './area-meter.js';
import { drawDegradation, generateTransformerTelemetry } from './equipment/index.js';
import type { SynthArea } from './population.js';
import type { Rng } from './rng.js';
import type { RunContext } from './run-context.js';

const POWER_FACTOR = 0.92;

function hourly(values: Float64Array, stepsPerHour: number): Float64Array {
  const hours = Math.floor(values.length / stepsPerHour);
  const out = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    let sum = 0;
    for (let k = 0; k < stepsPerHour; k++) sum += values[h * stepsPerHour + k];
    out[h] = sum;
  }
  return out;
}

/** The area meter's readings, its transformer's telemetry and the area's ground truth. */
export function* areaRecords(
  area: SynthArea, meter: AreaMeterResult, stolenKwh: number, trueNetKwh: Float64Array, run: RunContext, rng: Rng, sourceId: number,
): Generator<TableBatch> {
  const n = meter.inputKwh.length;
  const ts = new Float64Array(n);
  for (let i = 0; i < n; i++) ts[i] = run.ctx.startMs + i * run.stepMs;
  yield { table: 'area_readings', batch: { rowCount: n, columns: { area_id: Array(n).fill(area.areaId), ts, kwh: meter.inputKwh, source_id: new Uint16Array(n).fill(sourceId) } } };

  const stepsPerHour = 60 / run.options.intervalMinutes;
  const loadKva = hourly(meter.inputKwh, stepsPerHour).map((kwh) => Math.max(0, kwh) / POWER_FACTOR);
  const ambient = Float32Array.from(hourly(Float64Array.from(run.weather.temperatureC), stepsPerHour), (t) => t / stepsPerHour);
  const degradation = drawDegradation(rng.fork('degradation'), loadKva.length);
  const telemetry = generateTransformerTelemetry({
    equipmentId: area.equipmentId, ratedKva: area.transformerKva, hourlyLoadKva: loadKva, ambientC: ambient, startMs: run.ctx.startMs,
    degradation: degradation ?? undefined,
  }, rng.fork('telemetry'));
  const hours = telemetry.ts.length;
  yield {
    table: 'telemetry',
    batch: {
      rowCount: hours,
      columns: {
        equipment_id: Array(hours).fill(area.equipmentId), ts: telemetry.ts, load_kva: Float32Array.from(telemetry.loadKva),
        oil_temp_c: telemetry.oilTempC, ambient_c: telemetry.ambientC, imbalance_pct: telemetry.imbalancePct,
      },
    },
  };
  if (degradation) {
    const hourMs = 3_600_000;
    yield {
      table: 'truth.equipment_faults',
      batch: { rowCount: 1, columns: {
        equipment_id: [area.equipmentId], kind: [degradation.kind], degradation_start: [new Date(run.ctx.startMs + degradation.startHour * hourMs)],
        failure_ts: [new Date(run.ctx.startMs + degradation.failureHour * hourMs)],
      } },
    };
  }
  let consumption = 0;
  for (let i = 0; i < n; i++) consumption += trueNetKwh[i];
  yield {
    table: 'truth.area_losses',
    batch: { rowCount: 1, columns: {
      area_id: [area.areaId], technical_loss_ratio: [meter.technicalLossRatio], stolen_kwh: [Math.round(stolenKwh * 1000) / 1000],
      consumption_kwh: [Math.round(consumption * 1000) / 1000],
    } },
  };
}
