import type { PvParams } from './load-model.js';
import type { SimulationContext } from './simulation-context.js';

/** kWh per interval a system yields per W/m² of horizontal irradiance. */
function yieldPerWm2(ctx: SimulationContext, pv: PvParams): number {
  return (pv.kwp * pv.performanceRatio * ctx.stepHours) / 1000;
}

/** PV output per interval, kWh, from the run's horizontal irradiance and the system's rating. */
export function pvGenerationKwh(ctx: SimulationContext, pv: PvParams): Float64Array {
  const out = new Float64Array(ctx.steps);
  const factor = yieldPerWm2(ctx, pv);
  for (let t = 0; t < out.length; t++) out[t] = ctx.irradianceWm2[t] * factor;
  return out;
}

/** Nets PV output against on-site consumption behind one bidirectional meter. */
export function netMetering(ctx: SimulationContext, pv: PvParams, consumptionKwh: Float64Array): { importKwh: Float64Array; exportKwh: Float64Array } {
  const importKwh = new Float64Array(consumptionKwh.length);
  const exportKwh = new Float64Array(consumptionKwh.length);
  const factor = yieldPerWm2(ctx, pv);
  for (let t = 0; t < consumptionKwh.length; t++) {
    const net = consumptionKwh[t] - ctx.irradianceWm2[t] * factor;
    if (net >= 0) importKwh[t] = net;
    else exportKwh[t] = -net;
  }
  return { importKwh, exportKwh };
}
