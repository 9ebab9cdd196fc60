import type { ModelDefaults } from './load-model.js';

/** Spring Festival ranges for models without a production dip (no ramp, no shutdown). */
export const noSpringFestivalDip: ModelDefaults['springFestival'] = {
  rampDownDays: [0, 0], shutdownLevel: [1, 1], reopenDay: [0, 0], rampBackDays: [0, 0],
};

/** Defaults shared by commercial and industrial sites; each model overrides what differs. */
export const siteDefaults: ModelDefaults = {
  scaleKw: 100, scaleSigma: 0.6, peakPerUnit: 1.4, maxShiftMinutes: 30, jitterSd: 0.06,
  coolingBaseC: [21, 24], coolingPerUnit: [0.03, 0.05], heatingBaseC: [11, 14], heatingPerUnit: [0.02, 0.035],
  noiseSd: 0.07, noisePersistence: 0.8, daySd: 0.05,
  burstsPerDay: 0, burstPerUnit: [0, 0], burstHours: [0, 24],
  seasonalAmplitude: 0.02, worksSaturdayShare: 0, awayShare: 0, springFestival: noSpringFestivalDip,
};
