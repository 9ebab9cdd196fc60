import type { DrProgram } from '../programs/dr-program.js';
import { openAdr3ExportSchema, type OpenAdr3Export } from './openadr3-schema.js';

export interface ExportedEvent {
  readonly eventId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly intervalMinutes: number;
  /** OpenADR SIMPLE level 0–3. */
  readonly signalLevel: number;
  readonly targets: readonly string[];
  readonly createdMs: number;
  readonly modifiedMs: number;
}

export interface ExportedResult {
  readonly customerId: string;
  /** kWh per event interval under the programme's baseline, and as metered. */
  readonly baseline: readonly number[];
  readonly actual: readonly number[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** ISO 8601 duration of whole minutes: 180 → PT3H, 90 → PT1H30M. */
export function isoMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`;
}

/**
 * One programme, one event and its reports as OpenADR 3.0.1 objects: the event carries one
 * interval over the whole window with a SIMPLE level (or the PRICE per kWh); each targeted customer
 * is a resource of the report with USAGE and BASELINE per metering interval.
 */
export function buildOpenAdr3Export(program: DrProgram & { readonly createdMs: number; readonly utcOffsetMinutes: number }, event: ExportedEvent, results: readonly ExportedResult[]): OpenAdr3Export {
  const price = program.signal === 'PRICE';
  const doc = {
    openadrVersion: '3.0.1' as const,
    programs: [{
      id: program.programId, createdDateTime: iso(program.createdMs), modificationDateTime: iso(program.createdMs), objectType: 'PROGRAM' as const,
      programName: program.name, programLongName: program.nameZh, programType: 'PEAK_REDUCTION', country: 'CN',
      ...(program.utcOffsetMinutes >= 0 ? { timeZoneOffset: isoMinutes(program.utcOffsetMinutes) } : {}),
      payloadDescriptors: [price
        ? { objectType: 'EVENT_PAYLOAD_DESCRIPTOR' as const, payloadType: 'PRICE', units: 'KWH', currency: program.currency }
        : { objectType: 'EVENT_PAYLOAD_DESCRIPTOR' as const, payloadType: 'SIMPLE' }],
    }],
    events: [{
      id: event.eventId, createdDateTime: iso(event.createdMs), modificationDateTime: iso(event.modifiedMs), objectType: 'EVENT' as const,
      programID: program.programId, eventName: event.eventId, priority: 0,
      targets: [{ type: 'RESOURCE_NAME', values: [...event.targets] }],
      payloadDescriptors: [price
        ? { objectType: 'EVENT_PAYLOAD_DESCRIPTOR' as const, payloadType: 'PRICE', units: 'KWH', currency: program.currency }
        : { objectType: 'EVENT_PAYLOAD_DESCRIPTOR' as const, payloadType: 'SIMPLE' }],
      reportDescriptors: [{ payloadType: 'USAGE', readingType: 'DIRECT_READ', units: 'KWH', historical: true }, { payloadType: 'BASELINE', readingType: 'ESTIMATED', units: 'KWH', historical: true }],
      intervalPeriod: { start: iso(event.startMs), duration: isoMinutes(Math.round((event.endMs - event.startMs) / 60_000)) },
      intervals: [{ id: 0, payloads: [price ? { type: 'PRICE', values: [program.priceCny] } : { type: 'SIMPLE', values: [event.signalLevel] }] }],
    }],
    reports: results.length ? [{
      id: `${event.eventId}-report`, createdDateTime: iso(event.modifiedMs), modificationDateTime: iso(event.modifiedMs), objectType: 'REPORT' as const,
      programID: program.programId, eventID: event.eventId, clientName: 'gridlens', reportName: `${event.eventId} usage and ${program.baselineMethod} baseline`,
      payloadDescriptors: [
        { objectType: 'REPORT_PAYLOAD_DESCRIPTOR' as const, payloadType: 'USAGE', readingType: 'DIRECT_READ', units: 'KWH' },
        { objectType: 'REPORT_PAYLOAD_DESCRIPTOR' as const, payloadType: 'BASELINE', readingType: 'ESTIMATED', units: 'KWH' },
      ],
      resources: results.map((r) => ({
        resourceName: r.customerId,
        intervalPeriod: { start: iso(event.startMs), duration: isoMinutes(event.intervalMinutes) },
        intervals: r.actual.map((value, i) => ({ id: i, intervalPeriod: { start: iso(event.startMs + i * event.intervalMinutes * 60_000), duration: isoMinutes(event.intervalMinutes) }, payloads: [{ type: 'USAGE', values: [round(value)] }, { type: 'BASELINE', values: [round(r.baseline[i])] }] })),
      })),
    }] : [],
  };
  return openAdr3ExportSchema.parse(doc);
}

const round = (v: number) => Math.round(v * 1000) / 1000;
