import { describe, expect, it } from 'vitest';
import { parseDrProgram } from '../programs/dr-program.js';
import { buildOpenAdr3Export, isoMinutes } from './openadr3-export.js';
import { openAdr3ExportSchema } from './openadr3-schema.js';

const start = Date.parse('2025-07-15T09:00:00Z');
const event = { eventId: 'E1', startMs: start, endMs: start + 3 * 3_600_000, intervalMinutes: 60, signalLevel: 2, targets: ['C1', 'C2'], createdMs: start - 86_400_000, modifiedMs: start + 86_400_000 };
const program = { ...parseDrProgram({ programId: 'PEAK-2025', name: 'Summer peak', nameZh: '迎峰度夏' }), createdMs: start - 10 * 86_400_000, utcOffsetMinutes: 480 };

describe('OpenADR 3 export', () => {
  it('writes a programme, an event with a SIMPLE level and a report with USAGE and BASELINE per interval', () => {
    const doc = buildOpenAdr3Export(program, event, [{ customerId: 'C1', baseline: [2, 2, 2], actual: [1, 1.5, 2] }]);
    expect(doc.programs[0]).toMatchObject({ objectType: 'PROGRAM', id: 'PEAK-2025', timeZoneOffset: 'PT8H' });
    expect(doc.events[0]).toMatchObject({ objectType: 'EVENT', programID: 'PEAK-2025', intervalPeriod: { start: '2025-07-15T09:00:00.000Z', duration: 'PT3H' } });
    expect(doc.events[0].intervals[0].payloads[0]).toEqual({ type: 'SIMPLE', values: [2] });
    expect(doc.events[0].targets).toEqual([{ type: 'RESOURCE_NAME', values: ['C1', 'C2'] }]);
    const resource = doc.reports[0].resources[0];
    expect(resource.intervals[1]).toEqual({ id: 1, intervalPeriod: { start: '2025-07-15T10:00:00.000Z', duration: 'PT1H' }, payloads: [{ type: 'USAGE', values: [1.5] }, { type: 'BASELINE', values: [2] }] });
  });

  it('carries the price for PRICE programmes', () => {
    const doc = buildOpenAdr3Export({ ...program, signal: 'PRICE', priceCny: 3 }, event, []);
    expect(doc.events[0].intervals[0].payloads[0]).toEqual({ type: 'PRICE', values: [3] });
    expect(doc.events[0].payloadDescriptors?.[0]).toMatchObject({ payloadType: 'PRICE', currency: 'CNY' });
    expect(doc.reports).toEqual([]);
  });

  it('rejects documents that break the schema, naming the field', () => {
    const doc = buildOpenAdr3Export(program, event, []);
    const broken = { ...doc, events: [{ ...doc.events[0], intervalPeriod: { start: 'yesterday' } }] };
    const parsed = openAdr3ExportSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['events', 0, 'intervalPeriod', 'start']);
    expect(() => buildOpenAdr3Export(program, { ...event, eventId: 'bad id!' }, [])).toThrow(/id/);
  });

  it('formats durations', () => {
    expect([isoMinutes(180), isoMinutes(90), isoMinutes(15), isoMinutes(0)]).toEqual(['PT3H', 'PT1H30M', 'PT15M', 'PT0M']);
  });
});
