import { Channel, allowedIntervals, type ChannelCode } from '../../core/schemas/meter.js';
import { NotFoundError } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { MeterClass } from '../vee/meter-series.js';

export type IntervalLength = (typeof allowedIntervals)[number];

/** What VEE needs to know about a meter from the reference tables. */
export interface VeeMeter {
  readonly meterId: number;
  readonly channels: readonly ChannelCode[];
  readonly intervalMinutes: IntervalLength;
  readonly timeZone: string;
  readonly meterClass?: MeterClass;
  /** Contract capacity of the customer, kVA (the high limit). */
  readonly contractKva?: number;
  readonly accountActive: boolean;
}

/** A meter VEE cannot run on, with the reason. */
export interface SkippedMeter {
  readonly meterId: number;
  readonly reason: string;
}

type MeterRow = {
  meter_id: number;
  interval_minutes: number;
  channels: string | null;
  customer_type: string | null;
  contract_capacity_kva: number | null;
  status: string | null;
  time_zone: string | null;
};

export interface MeterSelection {
  /** Only these meters; all meters when absent. */
  readonly meterIds?: readonly number[];
  /** Time zone of meters whose customer does not name one. */
  readonly defaultTimeZone: string;
}

/**
 * The meters to validate, with their customer's class, contract capacity, account status and time
 * zone, sorted by meter id. Requested meters that do not exist raise a `NotFoundError`.
 */
export async function loadVeeMeters(wh: Warehouse, selection: MeterSelection): Promise<{ meters: VeeMeter[]; skipped: SkippedMeter[] }> {
  const ids = selection.meterIds ?? [];
  const where = ids.length ? `WHERE m.meter_id IN (${ids.map(() => '?').join(', ')})` : '';
  const rows = await wh.query<MeterRow>(
    `SELECT m.meter_id, m.interval_minutes, m.channels, c.customer_type, c.contract_capacity_kva, c.status, c.time_zone
     FROM meters m LEFT JOIN customers c ON c.customer_id = m.customer_id ${where} ORDER BY m.meter_id`, ids);
  const missing = ids.filter((id) => !rows.some((r) => r.meter_id === id));
  if (missing.length) throw new NotFoundError('meter', missing.join(', '));
  const meters: VeeMeter[] = [];
  const skipped: SkippedMeter[] = [];
  for (const row of rows) {
    if (!(allowedIntervals as readonly number[]).includes(row.interval_minutes)) {
      skipped.push({ meterId: row.meter_id, reason: `interval of ${row.interval_minutes} min is not one of ${allowedIntervals.join(', ')}` });
      continue;
    }
    meters.push(veeMeterOf(row, selection.defaultTimeZone));
  }
  return { meters, skipped };
}

function veeMeterOf(row: MeterRow, defaultTimeZone: string): VeeMeter {
  const cls = MeterClass.safeParse(row.customer_type);
  return {
    meterId: row.meter_id,
    channels: channelsOf(row.channels),
    intervalMinutes: row.interval_minutes as IntervalLength,
    timeZone: row.time_zone || defaultTimeZone,
    meterClass: cls.success ? cls.data : undefined,
    contractKva: row.contract_capacity_kva !== null && row.contract_capacity_kva > 0 ? row.contract_capacity_kva : undefined,
    accountActive: row.status === null || row.status === 'active',
  };
}

/** `import,export` → [1, 2]; import when the column is empty. */
export function channelsOf(text: string | null): ChannelCode[] {
  const names = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const codes = names.map((n) => Channel[n as keyof typeof Channel]).filter((c): c is ChannelCode => c !== undefined);
  return codes.length ? [...new Set(codes)].sort() : [Channel.import];
}
