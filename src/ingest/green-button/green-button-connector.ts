import { basename, extname } from 'node:path';
import type { Connector, ConnectorContext, SourceBatch, SourceFile } from '../connector.js';
import { IngestFileError } from '../ingest-errors.js';
import { readBytes } from '../files/byte-source.js';
import { decodeText, type TextChunk } from '../files/text-decoding.js';
import { ReadingBatchBuilder } from '../readings/reading-batch.js';
import { GreenButtonConfig, type GreenButtonConfigInput } from './config.js';
import { channelOfFlow, ESPI_WH, EspiFeed, EspiFeedError, type RawIntervalReading, type ReadingTypeInfo } from './espi-feed.js';
import { tokenizeXml, XmlSyntaxError } from './xml-tokenizer.js';

/** IntervalReadings held while their ReadingType has not appeared yet (entries out of order). */
const MAX_PENDING = 1_000_000;

/**
 * Green Button ESPI XML: a streaming tokenizer (no DOM) follows the Atom feed; IntervalReading
 * values become kWh through their ReadingType (uom Wh × 10^powerOfTenMultiplier). A feed whose
 * blocks have no ReadingType is an error naming the file, line and element.
 */
export class GreenButtonConnector implements Connector<GreenButtonConfig> {
  readonly name = 'green-button' as const;
  readonly tables = ['readings'] as const;
  readonly config: GreenButtonConfig;

  constructor(config: GreenButtonConfigInput = {}) {
    this.config = GreenButtonConfig.parse(config);
  }

  get sourceName(): string {
    return this.config.source;
  }

  async *read(file: SourceFile, context: ConnectorContext): AsyncIterable<SourceBatch> {
    const builder = new ReadingBatchBuilder({
      meters: context.meters, rules: context.rules, sourceId: context.sourceId, batchRows: this.config.batchRows,
      registerMeters: this.config.registerMeters, intervalMinutes: 15,
    });
    const feed = new EspiFeed();
    let pending: RawIntervalReading[] = [];
    const progress = { bytes: 0, encoding: '' };
    try {
      for await (const tokens of tokenizeXml(track(decodeText(file.path, readBytes(file.path)), progress))) {
        const waiting: RawIntervalReading[] = [];
        for (const r of [...pending, ...feed.accept(tokens)]) {
          const type = feed.readingTypeOf(r.blockHref);
          if (!type) { waiting.push(r); continue; }
          this.readOne(file.path, r, type, feed.tzOffsetSeconds ?? 0, builder);
          if (builder.full) yield builder.take(progress.bytes, progress.encoding);
        }
        if (waiting.length > MAX_PENDING) throw this.missingType(file.path, waiting[0]);
        pending = waiting;
      }
    } catch (error) {
      throw this.fileError(file.path, error);
    }
    if (pending.length) throw this.missingType(file.path, pending[0]);
    yield builder.take(file.bytes, progress.encoding);
  }

  private readOne(path: string, r: RawIntervalReading, type: ReadingTypeInfo, tzOffsetSeconds: number, builder: ReadingBatchBuilder): void {
    if (type.uom !== ESPI_WH) throw new IngestFileError(path, `ReadingType uom ${type.uom} is not energy in Wh (ESPI uom 72)`, { element: 'ReadingType' });
    const channel = channelOfFlow(type.flowDirection);
    if (channel === 0) throw new IngestFileError(path, `ReadingType flowDirection ${type.flowDirection} is neither forward (1) nor reverse (19)`, { element: 'ReadingType' });
    const ref = { line: r.line, messageId: r.entryId };
    const raw = () => `<IntervalReading><timePeriod><duration>${r.duration}</duration><start>${r.start}</start></timePeriod><value>${r.value}</value></IntervalReading>`;
    const start = r.start === '' ? Number.NaN : Number(r.start);
    if (!Number.isInteger(start)) return void builder.reject(ref, raw, 'invalid_time', `start "${r.start}" is not epoch seconds`);
    const value = r.value === '' ? Number.NaN : Number(r.value);
    if (!Number.isFinite(value)) return void builder.reject(ref, raw, 'invalid_value', `value "${r.value}" is not a number`);
    const meterNo = this.meterNo(path, r.blockHref);
    if (!meterNo) return void builder.reject(ref, raw, 'malformed', `no UsagePoint id in the link "${r.blockHref}"`);
    const ts = (start - (this.config.startsAreLocal ? tzOffsetSeconds : 0)) * 1000;
    builder.add(meterNo, channel, ts, whToKwh(value, type.powerOfTenMultiplier), ref, raw);
  }

  private meterNo(path: string, blockHref: string): string | undefined {
    if (this.config.meterNo) return this.config.meterNo;
    if (this.config.meterNoFrom === 'file-name') return basename(path, extname(path)).replace(/\.xml$/i, '');
    return /\/UsagePoint\/([^/]+)/.exec(blockHref)?.[1];
  }

  private missingType(path: string, r: RawIntervalReading): IngestFileError {
    const meterReading = r.blockHref.replace(/\/IntervalBlock(\/.*)?$/, '') || '(no self link)';
    return new IngestFileError(path, `IntervalBlock ${r.entryId} has no ReadingType: the feed has no <ReadingType> entry for MeterReading ${meterReading}`,
      { line: r.line, element: 'ReadingType' });
  }

  private fileError(path: string, error: unknown): unknown {
    if (error instanceof XmlSyntaxError) return new IngestFileError(path, `XML: ${error.message}`, { line: error.line }, error);
    if (error instanceof EspiFeedError) return new IngestFileError(path, error.message, { line: error.line, element: error.element }, error);
    return error;
  }
}

/** kWh of an ESPI value in Wh × 10^power, kept to the milli-Wh. */
export function whToKwh(value: number, power: number): number {
  const wh = power >= 0 ? value * 10 ** power : value / 10 ** -power;
  return power >= 0 && Number.isInteger(wh) ? wh / 1000 : Math.round(wh * 1000) / 1e6;
}

async function* track(texts: AsyncIterable<TextChunk>, progress: { bytes: number; encoding: string }): AsyncIterable<TextChunk> {
  for await (const chunk of texts) {
    progress.bytes = chunk.bytesRead;
    progress.encoding = chunk.encoding;
    yield chunk;
  }
}
