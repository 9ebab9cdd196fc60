import { inSchoolVacation, isDayOff, isGoldenWeek, isHoliday, seasonalLevel } from './calendar-effects.js';
import type { DayTable } from './day-table.js';
import type { ArchetypeModel, DayProfile, LoadParams } from './load-model.js';
import { siteDefaults } from './model-defaults.js';
import { flat } from './shapes.js';

/**
 * Commercial sites. Templates are per unit of the site scale (the weekday peak before HVAC); the
 * thermal template is the HVAC schedule, so cooling and heating follow opening hours.
 */

const off = (level: number): DayProfile => ({ base: flat(level, 24), thermal: flat(0, 24) });

// Office: 08–18 on workdays, light Saturday use, night and Sunday base ~21% (servers, lifts, lighting).
const officeWorkday: DayProfile = {
  base: [...flat(0.21, 6), 0.22, 0.42, 0.8, 0.95, 1, 1, 0.9, 0.95, 1, 1, 0.98, 0.88, 0.55, 0.38, 0.3, 0.26, 0.23, 0.22],
  thermal: [...flat(0, 7), 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.9, 0.4, 0.15, 0.1, 0, 0, 0],
};
const officeSaturday: DayProfile = {
  base: [...flat(0.21, 8), 0.27, 0.34, 0.38, 0.38, 0.35, 0.36, 0.36, 0.34, 0.31, 0.27, 0.23, ...flat(0.21, 5)],
  thermal: [...flat(0, 8), ...flat(0.25, 10), ...flat(0, 6)],
};

export const office: ArchetypeModel = {
  defaults: { ...siteDefaults, scaleKw: 220, peakPerUnit: 1.5 },
  profiles: [officeWorkday, officeSaturday, off(0.21)],
  profileOfDay: (days, d) => (!isDayOff(days, d) ? 0 : !isHoliday(days, d) && days.weekday[d] === 6 ? 1 : 2),
  dayFactor: (days, d, params) => seasonalLevel(days, d, params.habits.seasonalAmplitude),
};

// Shop: open 10–22 every day; fridges and security lighting overnight.
const shopDay: DayProfile = {
  base: [...flat(0.14, 7), 0.15, 0.22, 0.5, 0.88, 0.92, 0.95, 0.95, 0.93, 0.93, 0.95, 0.97, 1, 1, 0.98, 0.9, 0.55, 0.2],
  thermal: [...flat(0, 9), 0.5, ...flat(1, 12), 0.4, 0],
};

export const shop: ArchetypeModel = {
  defaults: { ...siteDefaults, scaleKw: 30, scaleSigma: 0.5, noiseSd: 0.1 },
  profiles: [shopDay],
  profileOfDay: () => 0,
  dayFactor: (days, d) => (isGoldenWeek(days, d) ? 1.15 : isDayOff(days, d) ? 1.08 : 1) * springFestivalClosure(days, d, -1, 2, 0.35),
};

// Restaurant: lunch 11–13 and dinner 17–21 peaks on a kitchen base (cold rooms, extraction).
const restaurantDay: DayProfile = {
  base: [0.22, 0.2, 0.2, 0.2, 0.2, 0.2, 0.22, 0.25, 0.3, 0.4, 0.65, 0.95, 1, 0.75, 0.45, 0.42, 0.55, 0.88, 1, 0.95, 0.78, 0.55, 0.35, 0.25],
  thermal: [...flat(0, 10), 0.6, 1, 1, 0.8, 0.5, 0.5, 0.7, 1, 1, 1, 0.9, 0.6, 0.2, 0],
};

export const restaurant: ArchetypeModel = {
  defaults: { ...siteDefaults, scaleKw: 30, scaleSigma: 0.5, noiseSd: 0.1, coolingPerUnit: [0.035, 0.055] },
  profiles: [restaurantDay],
  profileOfDay: () => 0,
  dayFactor: (days, d) => (isDayOff(days, d) ? 1.12 : 1) * springFestivalClosure(days, d, -2, 6, 0.3),
};

// School: lessons on workdays, evening self-study, empty at weekends and in the vacations.
const schoolTerm: DayProfile = {
  base: [...flat(0.15, 6), 0.25, 0.6, 0.95, 1, 1, 0.95, 0.75, 0.9, 0.95, 0.95, 0.85, 0.55, 0.45, 0.45, 0.4, 0.28, 0.18, 0.15],
  thermal: [...flat(0, 7), 0.5, ...flat(1, 9), 0.6, 0.3, 0.3, 0.2, 0, 0, 0],
};

export const school: ArchetypeModel = {
  defaults: { ...siteDefaults, scaleKw: 180, scaleSigma: 0.45 },
  profiles: [schoolTerm, off(0.14)],
  profileOfDay: (days, d, params) => (isDayOff(days, d) || inSchoolVacation(days, d, params.habits.vacationShiftDays) ? 1 : 0),
  dayFactor: (days, d, params) => (inSchoolVacation(days, d, params.habits.vacationShiftDays) ? 1.1 : 1),
};

// Hospital: 24/7 wards, theatres and imaging on a high base; outpatient day bump on workdays.
const hospitalWorkday: DayProfile = {
  base: [0.6, 0.58, 0.57, 0.57, 0.58, 0.6, 0.66, 0.78, 0.95, 1, 1, 0.98, 0.9, 0.95, 0.98, 0.97, 0.93, 0.85, 0.78, 0.75, 0.72, 0.7, 0.66, 0.62],
  thermal: [...flat(0.6, 7), 0.8, ...flat(1, 9), 0.9, 0.8, 0.8, 0.8, 0.7, 0.65, 0.6],
};
const hospitalRestDay: DayProfile = {
  base: [0.6, 0.58, 0.57, 0.57, 0.58, 0.6, 0.64, 0.7, 0.8, 0.84, 0.84, 0.82, 0.78, 0.8, 0.8, 0.8, 0.78, 0.74, 0.72, 0.7, 0.69, 0.67, 0.64, 0.61],
  thermal: [...flat(0.6, 8), ...flat(0.8, 10), ...flat(0.7, 6)],
};

export const hospital: ArchetypeModel = {
  defaults: { ...siteDefaults, scaleKw: 1200, scaleSigma: 0.5, noiseSd: 0.05, coolingBaseC: [19, 21], coolingPerUnit: [0.03, 0.045] },
  profiles: [hospitalWorkday, hospitalRestDay],
  profileOfDay: (days, d) => (isDayOff(days, d) ? 1 : 0),
  dayFactor: (days, d, params: LoadParams) => seasonalLevel(days, d, params.habits.seasonalAmplitude),
};

/** Small businesses close around lunar new year: `level` from `first` to `last` days from it. */
function springFestivalClosure(days: DayTable, d: number, first: number, last: number, level: number): number {
  const offset = days.daysFromLunarNewYear[d];
  return offset >= first && offset <= last ? level : 1;
}
