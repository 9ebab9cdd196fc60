import { ValidationError } from '../../core/errors.js';
import { epochDay } from '../../core/time/index.js';
import type { CsvTable } from './csv-table.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * GEFCom2012's Holiday_List.csv: one row per holiday, one column per year, cells such as
 * "Monday, January 19" or, when the observed day falls in the year before, "Friday, December 31, 2004".
 */
export function parseHolidayList(table: CsvTable): [day: number, holiday: string][] {
  const years = table.header.slice(1).map(Number);
  const out: [number, string][] = [];
  for (const row of table.rows) {
    years.forEach((year, k) => {
      const cell = row[k + 1]?.trim();
      if (cell) out.push([holidayDay(cell, year), row[0]]);
    });
  }
  return out;
}

function holidayDay(cell: string, columnYear: number): number {
  const match = /^\w+, (\w+) (\d{1,2})(?:, (\d{4}))?$/.exec(cell);
  const month = match ? MONTHS.indexOf(match[1]) + 1 : 0;
  if (!match || month === 0) throw new ValidationError(`Holiday_List.csv: cannot read the date "${cell}"`, { cell });
  const year = match[3] ? Number(match[3]) : columnYear;
  return epochDay(`${year}-${String(month).padStart(2, '0')}-${match[2].padStart(2, '0')}`);
}
