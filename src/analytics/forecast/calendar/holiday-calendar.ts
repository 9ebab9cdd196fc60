/**
 * The holidays of the place a load series belongs to, by local calendar day (days since
 * 1970-01-01, see `epochDay` in core/time). Calendars are pure lookups: US federal holidays are
 * computed, a published list is looked up, Chinese statutory holidays come from core/time.
 */
export interface HolidayCalendar {
  readonly name: string;
  /** Name of the (observed) holiday on a day, or undefined on ordinary days. */
  holiday(day: number): string | undefined;
  /** A weekend day worked to make up for a holiday (调休上班); always false outside China. */
  isMakeupWorkday(day: number): boolean;
  /** Signed days from the nearest lunar new year (Spring Festival), where the calendar knows it. */
  lunarNewYearOffset?(day: number): number;
}

/** A calendar without holidays: weekends are the only days off. */
export const noHolidays: HolidayCalendar = {
  name: 'none',
  holiday: () => undefined,
  isMakeupWorkday: () => false,
};

/** Holidays from a list of local dates (e.g. a utility's published holiday list). */
export class ListedHolidayCalendar implements HolidayCalendar {
  private readonly days: ReadonlyMap<number, string>;

  constructor(
    readonly name: string,
    days: Iterable<readonly [day: number, holiday: string]>,
  ) {
    this.days = new Map(days);
  }

  holiday(day: number): string | undefined {
    return this.days.get(day);
  }

  isMakeupWorkday(): boolean {
    return false;
  }

  /** The listed days, sorted. */
  listedDays(): number[] {
    return [...this.days.keys()].sort((a, b) => a - b);
  }
}
