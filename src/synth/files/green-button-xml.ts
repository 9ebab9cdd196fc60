/**
 * Green Button (NAESB REQ.21 ESPI) Atom feed writer for one usage point: UsagePoint →
 * MeterReading → ReadingType, LocalTimeParameters, and one IntervalBlock per local day. Values are
 * in Wh (uom 72, powerOfTenMultiplier 0): smart meters resolve 1 Wh, so kWh with three decimals
 * survive the round trip exactly.
 */
export interface GreenButtonMeter {
  readonly meterNo: string;
  readonly customerId: string;
  readonly intervalMinutes: number;
  /** Offset of local standard time from UTC, in seconds (28800 for China). */
  readonly tzOffsetSeconds: number;
  readonly updated: Date;
}

const ns = 'http://naesb.org/espi';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function entry(id: string, title: string, self: string, related: string[], content: string, updated: string): string {
  const links = [`<link rel="self" href="${esc(self)}"/>`, ...related.map((r) => `<link rel="related" href="${esc(r)}"/>`)].join('');
  return `<entry><id>urn:uuid:${id}</id><title>${esc(title)}</title>${links}<published>${updated}</published><updated>${updated}</updated><content>${content}</content></entry>\n`;
}

export function greenButtonHeader(meter: GreenButtonMeter): string {
  const base = `https://gridlens.example/espi/1_1/resource/Subscription/${meter.customerId}/UsagePoint/${meter.meterNo}`;
  const updated = meter.updated.toISOString();
  const seconds = meter.intervalMinutes * 60;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:espi="${ns}"><id>urn:uuid:feed-${meter.meterNo}</id><title>GridLens Green Button export ${meter.meterNo}</title><updated>${updated}</updated>\n`,
    entry(`up-${meter.meterNo}`, `Usage point ${meter.meterNo}`, base, [`${base}/MeterReading`, `${base}/LocalTimeParameters/1`],
      '<espi:UsagePoint><espi:ServiceCategory><espi:kind>0</espi:kind></espi:ServiceCategory></espi:UsagePoint>', updated),
    entry(`ltp-${meter.meterNo}`, 'Local time parameters', `${base}/LocalTimeParameters/1`, [],
      `<espi:LocalTimeParameters><espi:dstEndRule>00000000</espi:dstEndRule><espi:dstOffset>0</espi:dstOffset><espi:dstStartRule>00000000</espi:dstStartRule><espi:tzOffset>${meter.tzOffsetSeconds}</espi:tzOffset></espi:LocalTimeParameters>`, updated),
    entry(`mr-${meter.meterNo}`, 'Active energy delivered', `${base}/MeterReading/1`, [`${base}/MeterReading/1/IntervalBlock`, `${base}/ReadingType/1`],
      '<espi:MeterReading/>', updated),
    entry(`rt-${meter.meterNo}`, 'Energy Delivered (Wh)', `${base}/ReadingType/1`, [],
      `<espi:ReadingType><espi:accumulationBehaviour>4</espi:accumulationBehaviour><espi:commodity>1</espi:commodity><espi:currency>156</espi:currency><espi:dataQualifier>12</espi:dataQualifier><espi:flowDirection>1</espi:flowDirection><espi:intervalLength>${seconds}</espi:intervalLength><espi:kind>12</espi:kind><espi:phase>769</espi:phase><espi:powerOfTenMultiplier>0</espi:powerOfTenMultiplier><espi:timeAttribute>0</espi:timeAttribute><espi:uom>72</espi:uom></espi:ReadingType>`, updated),
  ].join('');
}

/** One IntervalBlock: interval starts in UTC epoch seconds and energies in kWh. */
export function greenButtonBlock(meter: GreenButtonMeter, blockNo: number, startsSec: readonly number[], kwh: readonly number[]): string {
  if (startsSec.length === 0) return '';
  const seconds = meter.intervalMinutes * 60;
  const base = `https://gridlens.example/espi/1_1/resource/Subscription/${meter.customerId}/UsagePoint/${meter.meterNo}/MeterReading/1/IntervalBlock/${blockNo}`;
  const first = startsSec[0];
  const last = startsSec[startsSec.length - 1];
  const readings = startsSec.map((s, i) =>
    `<espi:IntervalReading><espi:timePeriod><espi:duration>${seconds}</espi:duration><espi:start>${s}</espi:start></espi:timePeriod><espi:value>${Math.round(kwh[i] * 1000)}</espi:value></espi:IntervalReading>`).join('');
  return entry(`ib-${meter.meterNo}-${blockNo}`, `Interval block ${blockNo}`, base, [],
    `<espi:IntervalBlock><espi:interval><espi:duration>${last - first + seconds}</espi:duration><espi:start>${first}</espi:start></espi:interval>${readings}</espi:IntervalBlock>`,
    meter.updated.toISOString());
}

export const greenButtonFooter = '</feed>\n';
