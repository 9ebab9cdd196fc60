import { irrigation } from './agricultural-models.js';
import type { ArchetypeName } from './archetypes.js';
import { hospital, office, restaurant, school, shop } from './commercial-models.js';
import { coldStorage, factoryOneShift, factoryThreeShift, factoryTwoShift } from './industrial-models.js';
import type { ArchetypeModel } from './load-model.js';
import { streetLighting } from './public-models.js';
import {
  residentialAcHeavy, residentialEv, residentialNightShift, residentialPv, residentialRetired, residentialWorking,
} from './residential-models.js';

/** The registry of load models, one per archetype. */
export const loadModels: Readonly<Record<ArchetypeName, ArchetypeModel>> = {
  residential_working: residentialWorking,
  residential_retired: residentialRetired,
  residential_night_shift: residentialNightShift,
  residential_ev: residentialEv,
  residential_pv: residentialPv,
  residential_ac_heavy: residentialAcHeavy,
  office,
  shop,
  restaurant,
  school,
  hospital,
  factory_one_shift: factoryOneShift,
  factory_two_shift: factoryTwoShift,
  factory_three_shift: factoryThreeShift,
  cold_storage: coldStorage,
  irrigation,
  street_lighting: streetLighting,
};
