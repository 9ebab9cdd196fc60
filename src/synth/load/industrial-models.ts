import type { Rng } from '../rng.js';
import { isDayOff, isGoldenWeek, isHoliday, springFestivalFactor } from './calendar-effects.js';
import type { DayTable } from './day-table.js';
import type { ArchetypeModel, DayProfile, LoadExtras, LoadParams, ModelDefaults } from './load-model.js';
import { siteDefaults } from './model-defaults.js';
import { flat } from './shapes.js';

/**
 * Factories and cold storage. Templates are per unit of the production load; workshop ventilation
 * and cooling follow the shift pattern. Every industrial model carries the Spring Festival dip.
 */

const industrialDefaults: ModelDefaults = {
  ...siteDefaults,
  coolingBaseC: [24, 28], coolingPerUnit: [0.008, 0.02], heatingBaseC: [5, 8], heatingPerUnit: [0, 0.008],
  noiseSd: 0.06, noisePersistence: 0.85, daySd: 0.04, seasonalAmplitude: 0,
  springFestival: { rampDownDays: [8, 12], shutdownLevel: [0.1, 0.2], reopenDay: [7, 15], rampBackDays: [14, 28] },
};

const idle = (level: number): DayProfile => ({ base: flat(level, 24), thermal: flat(0, 24) });

// One shift 08–17 with a lunch dip; lighting and compressed air ramp around it.
const oneShiftWorkday: DayProfile = {
  base: [...flat(0.12, 7), 0.35, 0.95, 1, 1, 1, 0.7, 1, 1, 1, 1, 0.45, 0.18, 0.13, ...flat(0.12, 4)],
  thermal: [...flat(0, 8), ...flat(1, 9), 0.3, ...flat(0, 6)],
};
// Two shifts 08–24, Monday to Saturday.
const twoShiftWorkday: DayProfile = {
  base: [0.3, ...flat(0.14, 6), 0.4, 0.95, 1, 1, 1, 0.85, 1, 1, 0.95, 0.88, 0.95, 0.97, 0.97, 0.97, 0.95, 0.9, 0.8],
  thermal: [0.3, ...flat(0, 7), ...flat(1, 16)],
};
// Three shifts around the clock with small dips at the 00:00, 08:00 and 16:00 handovers.
const threeShiftDay: DayProfile = {
  base: [0.9, 0.97, 0.98, 0.98, 0.97, 0.97, 0.96, 0.93, 0.86, 0.95, 1, 1, 0.97, 0.99, 1, 0.95, 0.87, 0.95, 0.99, 0.99, 0.98, 0.98, 0.97, 0.95],
  thermal: flat(1, 24),
};
// Cold storage: fans, lights and defrost all day, loading work by day; compressors come as extras.
const coldStoreWorkday: DayProfile = {
  base: [...flat(0.22, 7), 0.3, 0.38, 0.4, 0.4, 0.38, 0.35, 0.4, 0.4, 0.4, 0.38, 0.32, 0.25, ...flat(0.22, 5)],
  thermal: flat(0, 24),
};

/** Holiday multiplier of factories that keep running: golden weeks cut deepest. */
function holidayLevel(days: DayTable, d: number, goldenWeek: number, otherHoliday: number): number {
  if (!isHoliday(days, d)) return 1;
  return isGoldenWeek(days, d) ? goldenWeek : otherHoliday;
}

const withDip = (level: number) => (days: DayTable, d: number, params: LoadParams) => level * springFestivalFactor(days, d, params.habits.springFestival);

/** Workdays, plus Saturdays for the factories that work them, outside the festival shutdown. */
function oneShiftWorks(days: DayTable, d: number, params: LoadParams): boolean {
  const working = !isDayOff(days, d) || (params.habits.worksSaturday && !isHoliday(days, d) && days.weekday[d] === 6);
  return working && springFestivalFactor(days, d, params.habits.springFestival) > params.habits.springFestival.shutdownLevel;
}

/** Days off already sit at the idle level; the dip cuts the working days around the festival. */
export const factoryOneShift: ArchetypeModel = {
  defaults: { ...industrialDefaults, scaleKw: 260, worksSaturdayShare: 0.3 },
  profiles: [oneShiftWorkday, idle(0.1)],
  profileOfDay: (days, d, params) => (oneShiftWorks(days, d, params) ? 0 : 1),
  dayFactor: (days, d, params) => (oneShiftWorks(days, d, params) ? withDip(1)(days, d, params) : 1),
};

export const factoryTwoShift: ArchetypeModel = {
  defaults: { ...industrialDefaults, scaleKw: 520, worksSaturdayShare: 1 },
  profiles: [twoShiftWorkday, idle(0.14)],
  profileOfDay: (days, d) => (days.dayKind[d] === 1 && days.weekday[d] === 0 ? 1 : 0),
  dayFactor: (days, d, params) => holidayLevel(days, d, 0.5, 0.8) * withDip(1)(days, d, params),
};

export const factoryThreeShift: ArchetypeModel = {
  defaults: { ...industrialDefaults, scaleKw: 1600, scaleSigma: 0.7, peakPerUnit: 1.25, noiseSd: 0.04, noisePersistence: 0.9 },
  profiles: [threeShiftDay],
  profileOfDay: () => 0,
  dayFactor: (days, d, params) => holidayLevel(days, d, 0.75, 0.9) * (days.dayKind[d] === 1 ? 0.97 : 1) * withDip(1)(days, d, params),
};

/** Cold stores keep their goods cold through the festival: only handling work dips. */
export const coldStorage: ArchetypeModel = {
  defaults: {
    ...industrialDefaults, scaleKw: 220, peakPerUnit: 1.4, coolingPerUnit: [0, 0], heatingPerUnit: [0, 0],
    springFestival: { rampDownDays: [5, 8], shutdownLevel: [0.55, 0.75], reopenDay: [6, 9], rampBackDays: [7, 14] },
  },
  profiles: [coldStoreWorkday, idle(0.24)],
  profileOfDay: (days, d) => (isDayOff(days, d) ? 1 : 0),
  dayFactor: withDip(1),
  drawExtras: drawCompressors,
};

function drawCompressors(rng: Rng, scaleKw: number): LoadExtras {
  const count = rng.int(2, 4);
  const periodsMinutes = Array.from({ length: count }, () => Math.round(rng.uniform(40, 120)));
  return {
    compressors: {
      unitKw: (0.8 * scaleKw) / count,
      periodsMinutes,
      phasesMinutes: periodsMinutes.map((p) => Math.round(rng.uniform(0, p))),
      dutyAt0C: rng.uniform(0.25, 0.35),
      dutyPerC: rng.uniform(0.011, 0.016),
    },
  };
}
