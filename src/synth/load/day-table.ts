import { daysFromLunarNewYear, MS_PER_DAY, type WorkCalendar, weekdayOfEpochDay } from '../../core/time/index.js';

/** Festivals of the Chinese statutory calendar as small integer codes for typed arrays. */
export const FestivalCode = {
  none: 0, new_year: 1, spring_festival: 2, qingming: 3, labour_day: 4, dragon_boat: 5, mid_autumn: 6, national_day: 7, other: 8,
} as const;
export type FestivalCode = (typeof FestivalCode)[keyof typeof FestivalCode];

/** Per local day facts of a simulation run. */
export interface DayTable {
  readonly count: number;
  readonly epochDay: Int32Array;
  /** DayKind: 0 workday (including 调休 make-up days), 1 weekend, 2 statutory holiday. */
  readonly dayKind: Uint8Array;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: Uint8Array;
  /** 1–12. */
  readonly month: Uint8Array;
  readonly dayOfMonth: Uint8Array;
  /** 1–366. */
  readonly dayOfYear: Uint16Array;
  readonly festival: Uint8Array;
  /** Signed days from the nearest lunar new year's day (正月初一). */
  readonly daysFromLunarNewYear: Int16Array;
  readonly meanTempC: Float32Array;
  readonly maxTempC: Float32Array;
  /** Global horizontal irradiation over the day, kWh/m². */
  readonly irradiationKwhM2: Float32Array;
  /** First interval of the day in the run. */
  readonly firstStep: Int32Array;
}

export interface DayTableInput {
  readonly firstDay: number;
  readonly dayCount: number;
  readonly calendar: WorkCalendar;
  readonly dayIndex: Int32Array;
  readonly temperatureC: Float32Array;
  readonly irradianceWm2: Float32Array;
  readonly stepHours: number;
}

export function buildDayTable(input: DayTableInput): DayTable {
  const n = input.dayCount;
  const table: DayTable = {
    count: n, epochDay: new Int32Array(n), dayKind: new Uint8Array(n), weekday: new Uint8Array(n), month: new Uint8Array(n),
    dayOfMonth: new Uint8Array(n), dayOfYear: new Uint16Array(n), festival: new Uint8Array(n), daysFromLunarNewYear: new Int16Array(n),
    meanTempC: new Float32Array(n), maxTempC: new Float32Array(n).fill(-Infinity), irradiationKwhM2: new Float32Array(n),
    firstStep: new Int32Array(n).fill(-1),
  };
  for (let d = 0; d < n; d++) fillCalendar(table, d, input.firstDay + d, input.calendar);
  fillWeather(table, input);
  return table;
}

function fillCalendar(table: DayTable, d: number, day: number, calendar: WorkCalendar): void {
  const date = new Date(day * MS_PER_DAY);
  table.epochDay[d] = day;
  table.dayKind[d] = calendar.dayKind(day);
  table.weekday[d] = weekdayOfEpochDay(day);
  table.month[d] = date.getUTCMonth() + 1;
  table.dayOfMonth[d] = date.getUTCDate();
  table.dayOfYear[d] = day - Date.UTC(date.getUTCFullYear(), 0, 1) / MS_PER_DAY + 1;
  table.festival[d] = festivalCodeOf(calendar.festival(day));
  table.daysFromLunarNewYear[d] = daysFromLunarNewYear(day);
}

function fillWeather(table: DayTable, input: DayTableInput): void {
  const counts = new Int32Array(table.count);
  input.dayIndex.forEach((d, t) => {
    if (table.firstStep[d] < 0) table.firstStep[d] = t;
    counts[d]++;
    table.meanTempC[d] += input.temperatureC[t];
    table.maxTempC[d] = Math.max(table.maxTempC[d], input.temperatureC[t]);
    table.irradiationKwhM2[d] += (input.irradianceWm2[t] * input.stepHours) / 1000;
  });
  for (let d = 0; d < table.count; d++) table.meanTempC[d] /= Math.max(1, counts[d]);
}

export function festivalCodeOf(name: string | undefined): FestivalCode {
  if (name === undefined) return FestivalCode.none;
  return (FestivalCode as Record<string, FestivalCode>)[name] ?? FestivalCode.other;
}
