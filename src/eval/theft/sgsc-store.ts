import { batchFromRows } from '../../core/record-batch.js';
import { openDuckDb } from '../../warehouse/duckdb/index.js';
import { migrate } from '../../warehouse/migrations/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { SGSC_STEPS_PER_DAY } from './sgsc-households.js';
import type { SgscSample } from './sgsc-samples.js';

const MS_PER_DAY = 86_400_000;
const HALF_HOUR_MS = 1_800_000;
const SGSC_INTERVAL_MINUTES = (24 * 60) / SGSC_STEPS_PER_DAY;
export const SGSC_AREA = 'SGSC';

/** Customer id of a household in the store. */
export const sgscCustomerId = (household: string): string => `SGSC-${household}`;

/**
 * An in-memory store holding the samples as meters: one customer per household, one meter per
 * sample (meter id = position + 1), readings on wall-clock time (UTC offset 0), no area meter.
 */
export async function sgscStore(samples: readonly SgscSample[]): Promise<Warehouse> {
  const wh = await openDuckDb(':memory:');
  try {
    await migrate(wh);
    const households = [...new Set(samples.map((s) => s.household))];
    await wh.append('customers', batchFromRows(households.map(customerRow)));
    await wh.append('meters', batchFromRows(samples.map((s, i) => meterRow(s, i + 1))));
    for (let i = 0; i < samples.length; i++) await wh.append('readings', readingsOf(samples[i], i + 1));
    return wh;
  } catch (error) {
    await wh.close();
    throw error;
  }
}

function customerRow(household: string): Record<string, unknown> {
  return {
    customer_id: sgscCustomerId(household), name: `SGSC ${household}`, customer_type: 'residential', industry_code: 'RES', region: 'NSW',
    district: 'Ausgrid', address: '-', phone: '-', id_number: '-', voltage_level: '230V', contract_capacity_kva: 10, tariff_id: 'SGSC',
    area_id: SGSC_AREA, feeder_id: SGSC_AREA, open_date: '2012-01-01', status: 'active', marketing_consent: false, time_zone: 'Australia/Sydney',
  };
}

function meterRow(sample: SgscSample, meterId: number): Record<string, unknown> {
  return {
    meter_id: meterId, meter_no: `SGSC-${meterId}`, customer_id: sgscCustomerId(sample.household), area_id: SGSC_AREA, multiplier: 1,
    interval_minutes: SGSC_INTERVAL_MINUTES, channels: 'import', phases: 1, install_date: '2012-01-01',
  };
}

function readingsOf(sample: SgscSample, meterId: number) {
  const present = sample.kwh.reduce((n, v) => (Number.isNaN(v) ? n : n + 1), 0);
  const ts = new Float64Array(present);
  const kwh = new Float64Array(present);
  let n = 0;
  sample.kwh.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    ts[n] = sample.startDay * MS_PER_DAY + i * HALF_HOUR_MS;
    kwh[n++] = v;
  });
  return {
    rowCount: present,
    columns: {
      meter_id: new Int32Array(present).fill(meterId), channel: new Uint8Array(present).fill(1), ts, kwh,
      quality: new Uint8Array(present), source_id: new Uint16Array(present),
    },
  };
}
