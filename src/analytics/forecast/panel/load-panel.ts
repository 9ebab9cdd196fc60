import { ValidationError } from '../../../core/errors.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { localClock, type LocalClock } from '../features/local-clock.js';
import { LoadSeries } from '../load-series.js';

/** What a {@link LoadPanel} is built from. */
export interface LoadPanelInit {
  /** Interval starts (epoch ms) on a regular grid shared by every series. */
  readonly timestamps: ArrayLike<number>;
  readonly intervalMinutes: number;
  /** One unique id per series (customer, transformer area, district...). */
  readonly ids: readonly string[];
  /** One load column per id, row for row with `timestamps`; NaN = unknown. */
  readonly loads: readonly ArrayLike<number>[];
  /** Exogenous columns shared by every series (e.g. the region's temperature). */
  readonly exogenous?: Readonly<Record<string, ArrayLike<number>>>;
  readonly timeZone?: string;
  readonly holidays?: HolidayCalendar;
}

/**
 * Many load series on one time grid with shared exogenous columns and calendar: the transformer
 * areas, customers or districts of one utility. The grid, the columns and the time zone are
 * validated once, as a {@link LoadSeries} would validate them; each series' load is checked for
 * length and infinite values. Pooled models read it directly; per-series models get
 * `series(k)`.
 */
export class LoadPanel {
  /** The grid with the exogenous columns, time zone and holidays (its own load is unknown). */
  readonly grid: LoadSeries;
  readonly ids: readonly string[];
  readonly loads: readonly Float64Array[];
  private clockCache: LocalClock | undefined;

  constructor(init: LoadPanelInit) {
    this.grid = new LoadSeries({ ...init, load: new Float64Array(init.timestamps.length).fill(Number.NaN) });
    if (init.ids.length !== init.loads.length) throw new ValidationError(`panel has ${init.ids.length} ids for ${init.loads.length} load columns`);
    const seen = new Set<string>();
    for (const id of init.ids) {
      if (seen.has(id)) throw new ValidationError(`duplicate series id ${id} in the panel`, { id });
      seen.add(id);
    }
    this.ids = [...init.ids];
    this.loads = init.loads.map((load, k) => checkLoad(this.ids[k], Float64Array.from(load), this.grid.length));
  }

  get length(): number {
    return this.grid.length;
  }

  get timestamps(): Float64Array {
    return this.grid.timestamps;
  }

  get stepsPerHour(): number {
    return this.grid.stepsPerHour;
  }

  /** Rows per local day. */
  get stepsPerDay(): number {
    return 24 * this.grid.stepsPerHour;
  }

  /** The local wall clock of every row (computed once). */
  get clock(): LocalClock {
    this.clockCache ??= localClock(this.grid);
    return this.clockCache;
  }

  /** Series k as a {@link LoadSeries} (for per-series models). */
  series(k: number): LoadSeries {
    return this.grid.with({ load: this.loads[k] });
  }

  /** The same panel with one exogenous column added or replaced. */
  withExogenous(name: string, values: Float64Array): LoadPanel {
    const panel = Object.create(LoadPanel.prototype) as LoadPanel;
    const exogenous = { ...Object.fromEntries(this.grid.exogenous), [name]: values };
    Object.assign(panel, { grid: this.grid.with({ exogenous }), ids: this.ids, loads: this.loads, clockCache: this.clockCache });
    return panel;
  }
}

function checkLoad(id: string, load: Float64Array, length: number): Float64Array {
  if (load.length !== length) throw new ValidationError(`series ${id} has ${load.length} values for ${length} timestamps`, { id });
  for (let row = 0; row < load.length; row++) {
    if (load[row] === Infinity || load[row] === -Infinity) throw new ValidationError(`series ${id} is infinite at row ${row}`, { id, row });
  }
  return load;
}
