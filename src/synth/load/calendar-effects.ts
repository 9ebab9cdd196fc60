import { FestivalCode, type DayTable } from './day-table.js';
import type { SpringFestivalParams } from './load-model.js';

/**
 * Calendar effects shared by the archetype models, as day multipliers or day tests. Spring Festival
 * timing uses days from lunar new year's day (正月初一), so it follows the lunar calendar each year.
 */

/** Level of the last working days before the holiday, as migrant workers leave. */
const PRE_HOLIDAY_LEVEL = 0.5;
/** Level of the first day after the restart; the ramp climbs from here to full production. */
const RESTART_LEVEL = 0.45;

/** Industrial Spring Festival dip: ramp down, near-shutdown over the holiday, gradual restart. */
export function springFestivalFactor(days: DayTable, d: number, sf: SpringFestivalParams): number {
  const offset = days.daysFromLunarNewYear[d];
  if (days.festival[d] === FestivalCode.spring_festival || (offset >= -1 && offset < sf.reopenDay)) return sf.shutdownLevel;
  if (offset < -1 && offset >= -sf.rampDownDays) {
    return lerp(1, PRE_HOLIDAY_LEVEL, (offset + sf.rampDownDays + 1) / (sf.rampDownDays - 1));
  }
  if (offset >= sf.reopenDay && offset < sf.reopenDay + sf.rampBackDays) {
    return lerp(RESTART_LEVEL, 1, (offset - sf.reopenDay + 1) / sf.rampBackDays);
  }
  return 1;
}

/** Days a household that goes home for the festival is away (from two days before new year's eve). */
export function awayForSpringFestival(days: DayTable, d: number): boolean {
  const offset = days.daysFromLunarNewYear[d];
  return offset >= -3 && offset <= 6;
}

/** Labour Day and National Day "golden weeks". */
export function isGoldenWeek(days: DayTable, d: number): boolean {
  const festival = days.festival[d];
  return festival === FestivalCode.labour_day || festival === FestivalCode.national_day;
}

export function isHoliday(days: DayTable, d: number): boolean {
  return days.dayKind[d] === 2;
}

/** A normal day off: weekend or statutory holiday (make-up working days count as workdays). */
export function isDayOff(days: DayTable, d: number): boolean {
  return days.dayKind[d] !== 0;
}

/** School summer vacation (mid-July to end of August) or winter vacation around the Spring Festival. */
export function inSchoolVacation(days: DayTable, d: number, shiftDays: number): boolean {
  const month = days.month[d];
  if (month === 8 || (month === 7 && days.dayOfMonth[d] >= 12 + shiftDays)) return true;
  const offset = days.daysFromLunarNewYear[d];
  return offset >= -20 + shiftDays && offset <= 15 + shiftDays;
}

/** Seasonal level of non-thermal load: highest in mid-January (lighting, water heating), ±amplitude. */
export function seasonalLevel(days: DayTable, d: number, amplitude: number): number {
  return 1 + amplitude * Math.cos((2 * Math.PI * (days.dayOfYear[d] - 15)) / 365.25);
}

function lerp(from: number, to: number, frac: number): number {
  return from + (to - from) * Math.min(1, Math.max(0, frac));
}
