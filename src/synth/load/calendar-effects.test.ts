import { describe, expect, it } from 'vitest';
import { epochDay } from '../../core/time/index.js';
import { inSchoolVacation, isGoldenWeek, springFestivalFactor } from './calendar-effects.js';
import { hangzhouContext } from './simulation.testkit.js';

const ctx = hangzhouContext();
const days = ctx.days;
const dayOf = (iso: string) => epochDay(iso) - days.epochDay[0];
const sf = { rampDownDays: 10, shutdownLevel: 0.15, reopenDay: 9, rampBackDays: 20 };

describe('calendar effects', () => {
  it('ramps industry down before lunar new year, shuts down over the holiday and ramps back', () => {
    // Lunar new year 2024: 10 February.
    expect(springFestivalFactor(days, dayOf('2024-01-15'), sf)).toBe(1);
    const rampDown = [-9, -6, -3].map((o) => springFestivalFactor(days, dayOf('2024-02-10') + o, sf));
    expect(rampDown[0]).toBeGreaterThan(rampDown[1]);
    expect(rampDown[1]).toBeGreaterThan(rampDown[2]);
    expect(springFestivalFactor(days, dayOf('2024-02-12'), sf)).toBe(0.15);
    expect(springFestivalFactor(days, dayOf('2024-02-18'), sf)).toBe(0.15);
    const back = springFestivalFactor(days, dayOf('2024-02-25'), sf);
    expect(back).toBeGreaterThan(0.4);
    expect(back).toBeLessThan(0.8);
    expect(springFestivalFactor(days, dayOf('2024-03-25'), sf)).toBe(1);
  });

  it('knows golden weeks and school vacations', () => {
    expect(isGoldenWeek(days, dayOf('2024-10-03'))).toBe(true);
    expect(isGoldenWeek(days, dayOf('2024-10-09'))).toBe(false);
    expect(inSchoolVacation(days, dayOf('2024-08-10'), 0)).toBe(true);
    expect(inSchoolVacation(days, dayOf('2024-07-01'), 0)).toBe(false);
    expect(inSchoolVacation(days, dayOf('2024-02-01'), 0)).toBe(true);
    expect(inSchoolVacation(days, dayOf('2024-03-15'), 0)).toBe(false);
  });
});
