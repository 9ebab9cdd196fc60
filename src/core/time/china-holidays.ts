/**
 * Chinese statutory holidays (法定节假日) and make-up working days (调休), as published each year
 * by the General Office of the State Council. Dates are local (Asia/Shanghai) calendar dates.
 */
export interface HolidayYear {
  /** Days off, by festival. */
  readonly holidays: Readonly<Record<string, readonly string[]>>;
  /** Weekend days that are working days (调休上班). */
  readonly workdays: readonly string[];
}

function span(first: string, days: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

export const chinaHolidays: Readonly<Record<number, HolidayYear>> = {
  2023: {
    holidays: {
      new_year: span('2022-12-31', 3), spring_festival: span('2023-01-21', 7), qingming: ['2023-04-05'],
      labour_day: span('2023-04-29', 5), dragon_boat: span('2023-06-22', 3), national_day: span('2023-09-29', 8),
    },
    workdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  2024: {
    holidays: {
      new_year: ['2024-01-01'], spring_festival: span('2024-02-10', 8), qingming: span('2024-04-04', 3),
      labour_day: span('2024-05-01', 5), dragon_boat: ['2024-06-10'], mid_autumn: span('2024-09-15', 3), national_day: span('2024-10-01', 7),
    },
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    holidays: {
      new_year: ['2025-01-01'], spring_festival: span('2025-01-28', 8), qingming: span('2025-04-04', 3),
      labour_day: span('2025-05-01', 5), dragon_boat: span('2025-05-31', 3), national_day: span('2025-10-01', 8),
    },
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: {
      new_year: span('2026-01-01', 3), spring_festival: span('2026-02-15', 9), qingming: span('2026-04-04', 3),
      labour_day: span('2026-05-01', 5), dragon_boat: span('2026-06-19', 3), mid_autumn: span('2026-09-25', 3),
      national_day: span('2026-10-01', 7),
    },
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/** Lunar new year's day (正月初一) for the years GridLens covers; anchors the Spring Festival dip. */
export const lunarNewYear: Readonly<Record<number, string>> = {
  2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26',
};
