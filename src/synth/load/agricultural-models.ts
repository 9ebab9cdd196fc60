import type { ArchetypeModel, DayProfile } from './load-model.js';
import { siteDefaults } from './model-defaults.js';
import { flat } from './shapes.js';

/**
 * Irrigation pumping station. The template is only the controller's standby; the pump runs come
 * from the pump add-on, which runs long daytime or night sessions on dry, hot days from April to
 * September (paddy rice irrigation peaks in July and August) and almost never in winter.
 */
const standby: DayProfile = { base: flat(0.002, 24), thermal: flat(0, 24) };

export const irrigation: ArchetypeModel = {
  defaults: {
    ...siteDefaults, scaleKw: 22, scaleSigma: 0.5, peakPerUnit: 1.1, maxShiftMinutes: 0, jitterSd: 0,
    coolingPerUnit: [0, 0], heatingPerUnit: [0, 0], noiseSd: 0.03, seasonalAmplitude: 0,
  },
  profiles: [standby],
  profileOfDay: () => 0,
  dayFactor: () => 1,
  drawExtras: (rng, scaleKw) => ({
    pump: { kw: scaleKw * rng.uniform(0.85, 0.95), nightRunner: rng.chance(0.4), runHours: [rng.uniform(3, 5), rng.uniform(8, 13)] },
  }),
};
