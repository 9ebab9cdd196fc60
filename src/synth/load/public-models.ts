import type { ArchetypeModel, DayProfile } from './load-model.js';
import { siteDefaults } from './model-defaults.js';
import { flat } from './shapes.js';

/**
 * Street lighting (路灯). Lamps are switched by photocell, so they follow dusk and dawn through the
 * seasons and come on early under dark skies; some circuits dim after 23:00 (半夜灯). The energy
 * comes from the lighting add-on; the template is zero.
 */
const dark: DayProfile = { base: flat(0, 24), thermal: flat(0, 24) };

export const streetLighting: ArchetypeModel = {
  defaults: {
    ...siteDefaults, scaleKw: 20, scaleSigma: 0.6, peakPerUnit: 1.05, maxShiftMinutes: 0, jitterSd: 0,
    coolingPerUnit: [0, 0], heatingPerUnit: [0, 0], noiseSd: 0, seasonalAmplitude: 0,
  },
  profiles: [dark],
  profileOfDay: () => 0,
  dayFactor: () => 1,
  drawExtras: (rng, scaleKw) => ({
    lighting: { kw: scaleKw, thresholdWm2: rng.uniform(10, 30), lateNightShare: rng.chance(0.5) ? rng.uniform(0.5, 0.7) : 1 },
  }),
};
