import type { GridLensConfig } from '../core/config.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { drEventCreate, drEventSimulate, drSettle, type DrSettleResult } from './dr-events.js';
import { eventWindow } from './dr-time.js';
import { withStore } from './store.js';

/** The demo event: the evening peak, 30 customers, OpenADR level 2 (the `dr event create` defaults otherwise). */
const DEMO_EVENT = { start: '18:00', end: '21:00', targets: 30 } as const;
/** Days before the end of the data searched for the event day: late enough for every baseline's comparison days. */
const SEARCH_DAYS = 14;
/** Days of data an event day needs before it: ten comparison weekdays around a week of holidays, with room. */
const MIN_HISTORY_DAYS = 30;

/**
 * What a demo utility's operators have done besides collecting data: one settled peak-shaving
 * demand-response event (targeting, simulated response, baselines, settlement) on the weekday with
 * the highest evening load of its last two weeks (late enough for every baseline's comparison
 * days), so that `npm start` opens a dashboard whose DR page has an event to show. Does nothing
 * when the store already has an event or too little data.
 */
export async function createDemoOperations(config: Pick<GridLensConfig, 'db'>, warehouse?: Warehouse): Promise<DrSettleResult | null> {
  return withStore(config, async (wh) => {
    if ((await wh.query('SELECT 1 FROM dr_events LIMIT 1')).length > 0) return null;
    const date = await eveningPeakWeekday(wh);
    if (!date) return null;
    const created = await drEventCreate(config, { date, ...DEMO_EVENT }, wh);
    await drEventSimulate(config, { eventId: created.event.eventId, seed: 42 }, wh);
    return drSettle(config, { eventId: created.event.eventId }, wh);
  }, { warehouse });
}

/** The weekday (local date) of highest 18:00–21:00 import in the last days of the data, excluding the last (maybe partial) day; null when the data is too short. */
async function eveningPeakWeekday(wh: Warehouse): Promise<string | null> {
  const [zone] = await wh.query<{ time_zone: string | null; first: Date | null; last: Date | null }>(
    'SELECT (SELECT min(time_zone) FROM customers) AS time_zone, (SELECT min(ts) FROM readings) AS first, (SELECT max(ts) FROM readings) AS last');
  if (!zone?.first || !zone.last) return null;
  const timeZone = zone.time_zone ?? 'Asia/Shanghai';
  const offset = eventWindow(zone.last.toISOString().slice(0, 10), DEMO_EVENT.start, DEMO_EVENT.end, timeZone).utcOffsetMinutes;
  const day = wh.dialect.localDate('ts', offset);
  const hour = wh.dialect.localHour('ts', offset);
  const from = new Date(Math.max(zone.last.getTime() - SEARCH_DAYS * 86_400_000, zone.first.getTime() + MIN_HISTORY_DAYS * 86_400_000));
  const rows = await wh.query<{ day: string; kwh: number }>(
    `SELECT CAST(${day} AS VARCHAR) AS day, sum(kwh) AS kwh FROM readings
     WHERE channel = 1 AND kwh > 0 AND ts >= ? AND ${hour} >= 18 AND ${hour} < 21 GROUP BY 1 ORDER BY 1`, [from]);
  const weekdays = rows.slice(0, -1).filter((r) => {
    const dow = new Date(`${r.day}T00:00:00Z`).getUTCDay();
    return dow >= 1 && dow <= 5;
  });
  if (weekdays.length === 0) return null;
  return weekdays.reduce((best, r) => (Number(r.kwh) > Number(best.kwh) ? r : best)).day;
}
