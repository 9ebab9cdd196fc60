import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { greenButtonBlock, greenButtonFooter, greenButtonHeader, type GreenButtonMeter } from '../../synth/files/green-button-xml.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

const DAY_SECONDS = 86_400;

/** Writes one Green Button feed per meter (import channel), one IntervalBlock per local day. */
export async function writeGreenButtonFeed(warehouse: Warehouse, meterId: number, path: string, tzOffsetSeconds: number): Promise<number> {
  const [info] = await warehouse.query<{ meter_no: string; customer_id: string; interval_minutes: number }>(
    'SELECT meter_no, customer_id, interval_minutes FROM meters WHERE meter_id = ?', [meterId]);
  const meter: GreenButtonMeter = {
    meterNo: info.meter_no, customerId: info.customer_id, intervalMinutes: info.interval_minutes, tzOffsetSeconds, updated: new Date(Date.UTC(2026, 10, 1)),
  };
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(greenButtonHeader(meter));
  let day = Number.NaN, block = 0, rows = 0;
  let starts: number[] = [], values: number[] = [];
  const flush = async () => {
    if (starts.length) await write(greenButtonBlock(meter, ++block, starts, values));
    starts = []; values = [];
  };
  const sql = 'SELECT epoch(ts) AS s, kwh FROM readings WHERE meter_id = ? AND channel = 1 ORDER BY ts';
  for await (const batch of warehouse.stream<{ s: number; kwh: number }>(sql, [meterId], 20_000)) {
    for (const row of batch) {
      const localDay = Math.floor((row.s + tzOffsetSeconds) / DAY_SECONDS);
      if (localDay !== day) {
        await flush();
        day = localDay;
      }
      starts.push(row.s);
      values.push(row.kwh);
      rows++;
    }
  }
  await flush();
  out.end(greenButtonFooter);
  await once(out, 'finish');
  return rows;
}
