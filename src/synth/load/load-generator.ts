import { ValidationError } from '../../core/errors.js';
import type { Rng } from '../rng.js';
import type { ArchetypeName } from './archetypes.js';
import { addOns } from './equipment-add-ons.js';
import { addBursts, buildCustomerTables, runBaseLoad } from './load-engine.js';
import type { LoadParams } from './load-model.js';
import { loadModels } from './load-models.js';
import { netMetering } from './rooftop-pv.js';
import type { SimulationContext } from './simulation-context.js';

/** One customer's interval energy over the run, kWh per interval. */
export interface LoadSeries {
  /** Energy drawn from the grid. For customers without PV this is the same array as consumptionKwh. */
  readonly importKwh: Float64Array;
  /** Energy fed into the grid (PV surplus), or null for customers without generation. */
  readonly exportKwh: Float64Array | null;
  /** True on-site consumption before PV netting. */
  readonly consumptionKwh: Float64Array;
}

/** Generates one customer's load; deterministic given the rng's state. */
export function generateLoad(archetypeName: ArchetypeName, params: LoadParams, context: SimulationContext, rng: Rng): LoadSeries {
  const model = loadModels[archetypeName];
  if (!model) throw new ValidationError(`unknown load archetype: ${archetypeName}`, { archetype: archetypeName });
  if (params.archetype !== archetypeName) {
    throw new ValidationError('load params were drawn for another archetype', { archetype: archetypeName, paramsArchetype: params.archetype });
  }
  const tables = buildCustomerTables(model, context, params, rng);
  const consumptionKwh = new Float64Array(context.steps);
  runBaseLoad(context, tables, params, rng, consumptionKwh);
  addBursts(context, tables, params, rng, consumptionKwh);
  for (const addOn of addOns) addOn(context, params, tables, rng, consumptionKwh);
  if (!params.pv) return { importKwh: consumptionKwh, exportKwh: null, consumptionKwh };
  const { importKwh, exportKwh } = netMetering(context, params.pv, consumptionKwh);
  return { importKwh, exportKwh, consumptionKwh };
}
