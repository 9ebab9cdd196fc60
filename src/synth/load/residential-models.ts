import type { Rng } from '../rng.js';
import { awayForSpringFestival, isDayOff, seasonalLevel } from './calendar-effects.js';
import type { DayTable } from './day-table.js';
import type { ArchetypeModel, DayProfile, LoadExtras, LoadParams, ModelDefaults } from './load-model.js';
import { noSpringFestivalDip } from './model-defaults.js';

/**
 * Household models. Templates are per unit of the household scale (0.4 kW for the median working
 * household: ~6 kWh a day before appliance bursts and air conditioning, ~3,500 kWh a year with
 * them, in line with urban Zhejiang). Thermal templates say when someone is home to run the air conditioner or heater.
 */

// Working household: breakfast peak 07–08, empty flat by day, evening peak 18–22.
const workingWorkday: DayProfile = {
  base: [0.36, 0.29, 0.26, 0.24, 0.24, 0.29, 0.57, 1.07, 0.79, 0.36, 0.29, 0.31, 0.4, 0.31, 0.29, 0.29, 0.31, 0.57, 1.14, 1.43, 1.5, 1.36, 1.0, 0.57],
  thermal: [0.8, 0.8, 0.75, 0.7, 0.7, 0.7, 0.6, 0.4, 0.15, 0.05, 0.05, 0.05, 0.08, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 0.8, 0.9, 1, 1, 0.9],
};
// Weekend or holiday at home: late breakfast, daytime use, the same evening peak.
const workingRestDay: DayProfile = {
  base: [0.43, 0.31, 0.26, 0.24, 0.24, 0.24, 0.29, 0.5, 0.86, 1.0, 0.93, 1.07, 1.0, 0.79, 0.71, 0.71, 0.79, 1.0, 1.29, 1.43, 1.43, 1.36, 1.07, 0.64],
  thermal: [0.8, 0.8, 0.75, 0.7, 0.7, 0.7, 0.6, 0.5, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.75, 0.7, 0.7, 0.75, 0.85, 0.9, 0.95, 1, 1, 0.9],
};
// Retired household: up early, at home all day, lunch and early dinner, early night.
const retiredDay: DayProfile = {
  base: [0.33, 0.28, 0.27, 0.27, 0.28, 0.42, 0.83, 1.08, 1.0, 0.92, 1.0, 1.33, 1.17, 0.83, 0.83, 0.92, 1.08, 1.42, 1.58, 1.5, 1.33, 0.92, 0.53, 0.37],
  thermal: [0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.5, 0.5, 0.6, 0.7, 0.8, 0.8, 0.8, 0.9, 0.9, 0.8, 0.8, 0.8, 0.9, 1, 1, 0.9, 0.7, 0.6],
};
// Night-shift household: awake and using power late at night, breakfast after the shift, asleep by day.
const nightShiftDay: DayProfile = {
  base: [1.29, 1.21, 1.0, 0.71, 0.5, 0.5, 0.79, 1.07, 1.0, 0.64, 0.36, 0.29, 0.29, 0.29, 0.31, 0.43, 0.64, 0.79, 0.86, 0.86, 0.93, 1.07, 1.21, 1.29],
  thermal: [1, 1, 1, 0.9, 0.8, 0.7, 0.6, 0.7, 0.9, 1, 1, 1, 1, 1, 0.9, 0.6, 0.4, 0.4, 0.5, 0.5, 0.6, 0.8, 0.9, 1],
};

const householdDefaults: ModelDefaults = {
  scaleKw: 0.4, scaleSigma: 0.35, peakPerUnit: 7.5, maxShiftMinutes: 60, jitterSd: 0.12,
  coolingBaseC: [25, 27.5], coolingPerUnit: [0.2, 0.32], heatingBaseC: [8, 11], heatingPerUnit: [0.1, 0.2],
  noiseSd: 0.25, noisePersistence: 0.6, daySd: 0.12,
  burstsPerDay: 1.2, burstPerUnit: [2.5, 6], burstHours: [6.5, 23],
  seasonalAmplitude: 0.08, worksSaturdayShare: 0, awayShare: 0.3, springFestival: noSpringFestivalDip,
};

/** Away households keep the fridge and standby (~30%); those at home gather on new year's eve. */
function householdDayFactor(days: DayTable, d: number, params: LoadParams): number {
  const seasonal = seasonalLevel(days, d, params.habits.seasonalAmplitude);
  if (params.habits.awayAtSpringFestival && awayForSpringFestival(days, d)) return 0.3 * seasonal;
  return days.daysFromLunarNewYear[d] === -1 ? 1.1 * seasonal : seasonal;
}

function household(profiles: readonly DayProfile[], overrides: Partial<ModelDefaults>, drawExtras?: (rng: Rng, scaleKw: number) => LoadExtras): ArchetypeModel {
  return {
    defaults: { ...householdDefaults, ...overrides },
    profiles,
    profileOfDay: profiles.length > 1 ? (days, d) => (isDayOff(days, d) ? 1 : 0) : () => 0,
    dayFactor: householdDayFactor,
    drawExtras,
  };
}

export const residentialWorking = household([workingWorkday, workingRestDay], {});

export const residentialRetired = household([retiredDay], {
  scaleKw: 0.3, coolingBaseC: [26.5, 28.5], coolingPerUnit: [0.16, 0.3], awayShare: 0.1, burstHours: [6, 21.5],
});

export const residentialNightShift = household([nightShiftDay], { scaleKw: 0.38, burstHours: [0, 24] });

/** Working household with a 7 kW home charger, mostly timed into the 22:00 valley price. */
export const residentialEv = household([workingWorkday, workingRestDay], { scaleKw: 0.45, peakPerUnit: 20, awayShare: 0.2 }, (rng) => ({
  ev: { chargerKw: rng.pick([6.6, 7, 7]), dailyProbability: rng.uniform(0.45, 0.75), valleyShare: rng.uniform(0.7, 0.95) },
}));

/** Working household with a 3–8 kWp rooftop array exporting its midday surplus. */
export const residentialPv = household([workingWorkday, workingRestDay], { scaleKw: 0.45, peakPerUnit: 9, awayShare: 0.15 }, (rng) => ({
  pv: { kwp: Math.round(rng.uniform(3, 8) * 10) / 10, performanceRatio: rng.uniform(0.75, 0.85) },
}));

/** Large flat with several split air conditioners run hard in summer and for heating in winter. */
export const residentialAcHeavy = household([workingWorkday, workingRestDay], {
  scaleKw: 0.5, peakPerUnit: 9, coolingBaseC: [24, 26], coolingPerUnit: [0.45, 0.65], heatingBaseC: [10, 13], heatingPerUnit: [0.3, 0.45],
});
