import { Channel } from '../../core/schemas/meter.js';
import type { XmlToken } from './xml-tokenizer.js';

/** ReadingType of a MeterReading: how to turn IntervalReading values into kWh and which channel. */
export interface ReadingTypeInfo {
  readonly uom: number;
  readonly powerOfTenMultiplier: number;
  readonly flowDirection: number;
  readonly intervalLength: number | undefined;
}

/** One IntervalReading as found in the feed, before units are applied. */
export interface RawIntervalReading {
  readonly blockHref: string;
  readonly entryId: string;
  readonly line: number;
  readonly start: string;
  readonly duration: string;
  readonly value: string;
}

/** Why a feed cannot be read: a missing or unusable element, with where. */
export class EspiFeedError extends Error {
  constructor(message: string, readonly line: number, readonly element: string) {
    super(message);
  }
}

interface Entry {
  id: string;
  self: string;
  related: string[];
  kind: string;
  line: number;
  fields: Record<string, string>;
  readings: RawIntervalReading[];
}

const contentKinds = new Set(['UsagePoint', 'MeterReading', 'ReadingType', 'IntervalBlock', 'LocalTimeParameters']);
const readingFields = new Set(['start', 'duration', 'value']);

/**
 * Follows an ESPI Atom feed token by token: entries, their links, ReadingType and
 * LocalTimeParameters contents, and IntervalReadings of IntervalBlocks. Readings are handed out
 * with their block's self link; `readingTypeOf` resolves the link to its MeterReading's ReadingType
 * (MeterReading → related ReadingType link), whatever the order of entries.
 */
export class EspiFeed {
  private readonly path: string[] = [];
  private entry: Entry | undefined;
  private text = '';
  private current: Record<string, string> = {};
  private readonly meterReadingTypes = new Map<string, string>();
  private readonly readingTypes = new Map<string, ReadingTypeInfo>();
  /** LocalTimeParameters of the feed: the standard-time offset from UTC in seconds (DST rules are not applied). */
  tzOffsetSeconds: number | undefined;

  /** Consumes tokens; returns the IntervalReadings of entries that closed. */
  accept(tokens: readonly XmlToken[]): RawIntervalReading[] {
    const out: RawIntervalReading[] = [];
    for (const token of tokens) {
      if (token.kind === 'open') this.open(token.local, token.attrs, token.line);
      else if (token.kind === 'text') this.text += token.text;
      else this.close(token.local, out);
    }
    return out;
  }

  /** The ReadingType governing a block, or undefined while it is not (yet) in the feed. */
  readingTypeOf(blockHref: string): ReadingTypeInfo | undefined {
    const meterReading = blockHref.replace(/\/IntervalBlock(\/.*)?$/, '');
    const typeHref = this.meterReadingTypes.get(meterReading);
    if (typeHref) return this.readingTypes.get(typeHref);
    return this.readingTypes.size === 1 && this.meterReadingTypes.size <= 1 ? [...this.readingTypes.values()][0] : undefined;
  }

  private open(local: string, attrs: Readonly<Record<string, string>>, line: number): void {
    const parent = this.parent();
    this.path.push(local);
    this.text = '';
    if (local === 'entry') this.entry = { id: '', self: '', related: [], kind: '', line, fields: {}, readings: [] };
    else if (local === 'link' && this.entry) {
      if (attrs.rel === 'self') this.entry.self = attrs.href ?? '';
      else if (attrs.rel === 'related') this.entry.related.push(attrs.href ?? '');
    } else if (this.entry && contentKinds.has(local) && parent === 'content') {
      this.entry.kind = local;
      this.entry.line = line;
    } else if (local === 'IntervalReading') this.current = { line: String(line) };
  }

  private close(local: string, out: RawIntervalReading[]): void {
    this.path.pop();
    const entry = this.entry;
    const text = this.text.trim();
    this.text = '';
    if (!entry) return;
    if (local === 'id' && this.parent() === 'entry') entry.id = text;
    else if (local === 'IntervalReading') this.closeReading(entry);
    else if (readingFields.has(local) && this.path.includes('IntervalReading')) this.current[local] = text;
    else if (entry.kind === 'ReadingType' || entry.kind === 'LocalTimeParameters') entry.fields[local] = text;
    if (local === 'entry') {
      this.closeEntry(entry, out);
      this.entry = undefined;
    }
  }

  private closeReading(entry: Entry): void {
    const r = this.current;
    entry.readings.push({ blockHref: '', entryId: entry.id, line: Number(r.line), start: r.start ?? '', duration: r.duration ?? '', value: r.value ?? '' });
    this.current = {};
  }

  private closeEntry(entry: Entry, out: RawIntervalReading[]): void {
    if (entry.kind === 'MeterReading') {
      const type = entry.related.find((href) => /\/ReadingType(\/|$)/.test(href));
      if (type) this.meterReadingTypes.set(entry.self, type);
    } else if (entry.kind === 'ReadingType') {
      this.readingTypes.set(entry.self, readingTypeFrom(entry));
    } else if (entry.kind === 'LocalTimeParameters') {
      this.tzOffsetSeconds = Number(entry.fields.tzOffset ?? 0);
    } else if (entry.kind === 'IntervalBlock') {
      for (const r of entry.readings) out.push({ ...r, blockHref: entry.self, entryId: entry.id });
    }
  }

  private parent(): string | undefined {
    return this.path[this.path.length - 1];
  }
}

function readingTypeFrom(entry: Entry): ReadingTypeInfo {
  const f = entry.fields;
  const number = (name: string, fallback?: number): number => {
    const v = f[name];
    if (v === undefined || v === '') {
      if (fallback !== undefined) return fallback;
      throw new EspiFeedError(`ReadingType ${entry.self || entry.id} has no <${name}>`, entry.line, 'ReadingType');
    }
    const n = Number(v);
    if (!Number.isFinite(n)) throw new EspiFeedError(`ReadingType ${entry.self || entry.id}: <${name}> "${v}" is not a number`, entry.line, 'ReadingType');
    return n;
  };
  return {
    uom: number('uom'), powerOfTenMultiplier: number('powerOfTenMultiplier', 0), flowDirection: number('flowDirection', 1),
    intervalLength: f.intervalLength ? Number(f.intervalLength) : undefined,
  };
}

/** ESPI UnitSymbolKind 72 = Wh, the only energy unit GridLens accepts; flowDirection 1 forward (import), 19 reverse (export). */
export const ESPI_WH = 72;
export const channelOfFlow = (flow: number): number => (flow === 19 ? Channel.export : flow === 1 ? Channel.import : 0);
