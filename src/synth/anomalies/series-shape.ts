import { ValidationError } from '../../core/errors.js';

/**
 * Shape checks shared by the injectors. A series is one meter's interval kWh, aligned to local
 * midnight, `stepsPerDay` intervals a day; index ranges are half-open `[startIndex, endIndex)`.
 */

/** Steps per hour; the day must divide into whole hours (5, 15, 30 and 60 minute intervals do). */
export function stepsPerHourOf(stepsPerDay: number): number {
  if (!Number.isInteger(stepsPerDay) || stepsPerDay < 24 || stepsPerDay % 24 !== 0 || stepsPerDay > 24 * 127) {
    throw new ValidationError('stepsPerDay must be a multiple of 24 between 24 and 3048', { stepsPerDay });
  }
  return stepsPerDay / 24;
}

export function assertDays(days: number): void {
  if (!Number.isInteger(days) || days < 1) throw new ValidationError('days must be a positive integer', { days });
}

export function assertRange(startIndex: number, endIndex: number, length: number): void {
  const ok = Number.isInteger(startIndex) && Number.isInteger(endIndex) && startIndex >= 0 && startIndex <= endIndex && endIndex <= length;
  if (!ok) throw new ValidationError('index range outside the series', { startIndex, endIndex, length });
}
