import { MS_PER_HOUR } from '../../core/time/index.js';
import type { Rng } from '../rng.js';
import { degradationEffect, type Degradation } from './degradation.js';
import { defaultThermalParams, riseTable, stepTopOilRise, type ThermalParams } from './transformer-thermal.js';

export interface TransformerTelemetryInput {
  readonly equipmentId: string;
  readonly ratedKva: number;
  /** Hourly apparent load, kVA (from the load model). */
  readonly hourlyLoadKva: Float64Array;
  /** Hourly ambient temperature, °C, same length as the load. */
  readonly ambientC: Float32Array;
  /** UTC instant of the first hour. */
  readonly startMs: number;
  readonly degradation?: Degradation;
  readonly thermal?: ThermalParams;
}

/** Columnar hourly telemetry; `hotSpotC` is ground truth, not a sensor. */
export interface TransformerTelemetry {
  readonly equipmentId: string;
  readonly ts: Float64Array;
  readonly loadKva: Float64Array;
  readonly oilTempC: Float32Array;
  readonly ambientC: Float32Array;
  readonly imbalancePct: Float32Array;
  readonly hotSpotC: Float32Array;
}

const OIL_SENSOR_SD_K = 0.4;

/**
 * Hourly sensor readings of one distribution transformer. After a fault the unit is out of
 * service: no load, no imbalance, oil cooling to ambient.
 */
export function generateTransformerTelemetry(input: TransformerTelemetryInput, rng: Rng): TransformerTelemetry {
  const n = input.hourlyLoadKva.length;
  if (input.ambientC.length !== n) throw new RangeError(`ambient has ${input.ambientC.length} hours, load has ${n}`);
  const p = input.thermal ?? defaultThermalParams;
  const rises = riseTable(p);
  const out = allocate(input.equipmentId, n);
  const baseImbalance = rng.uniform(3, 12);
  let topOilRise = rises.topOil(n > 0 ? input.hourlyLoadKva[0] / input.ratedKva : 0);
  for (let h = 0; h < n; h++) {
    const failed = input.degradation !== undefined && h >= input.degradation.failureHour;
    const load = failed ? 0 : input.hourlyLoadKva[h];
    const k = load / input.ratedKva;
    const effect = degradationEffect(input.degradation, h);
    topOilRise = stepTopOilRise(topOilRise, failed ? 0 : rises.topOil(k) * effect.riseFactor, 1, p);
    const topOil = input.ambientC[h] + topOilRise + (failed ? 0 : effect.extraOilK);
    out.ts[h] = input.startMs + h * MS_PER_HOUR;
    out.loadKva[h] = load;
    out.ambientC[h] = input.ambientC[h];
    out.oilTempC[h] = topOil + rng.normal(0, OIL_SENSOR_SD_K);
    out.hotSpotC[h] = topOil + (failed ? 0 : rises.hotSpot(k));
    out.imbalancePct[h] = failed ? 0 : imbalance(baseImbalance, k, effect.extraImbalancePct, rng);
  }
  return out;
}

/** Phase imbalance: a per-unit baseline, relatively larger at light load, plus noise and degradation. */
function imbalance(base: number, k: number, extra: number, rng: Rng): number {
  const value = base * (1 + 0.5 * Math.max(0, 1 - k)) + extra + rng.normal(0, 1);
  return Math.min(100, Math.max(0, value));
}

function allocate(equipmentId: string, n: number): TransformerTelemetry {
  return {
    equipmentId,
    ts: new Float64Array(n),
    loadKva: new Float64Array(n),
    oilTempC: new Float32Array(n),
    ambientC: new Float32Array(n),
    imbalancePct: new Float32Array(n),
    hotSpotC: new Float32Array(n),
  };
}
