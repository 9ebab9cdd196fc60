import { splitCsvLine, detectDelimiter, normalizeHeader } from '../files/csv-fields.js';
import { splitJsonArray } from '../files/json-records.js';
import { readLines } from '../files/line-reader.js';
import type { TextChunk } from '../files/text-decoding.js';

/** One source record: its fields (or the reason it could not be split) and where it came from. */
export interface SourceRecord {
  readonly fields?: Record<string, unknown>;
  readonly error?: string;
  readonly line: number;
  readonly raw: string;
}

export interface RecordChunk {
  readonly records: SourceRecord[];
  readonly bytesRead: number;
  readonly encoding: string;
}

/** Records of a CSV file with a header: fields keyed by the (trimmed) header names. */
export async function* csvRecords(texts: AsyncIterable<TextChunk>, delimiter?: string): AsyncIterable<RecordChunk> {
  let header: string[] | undefined;
  let sep = delimiter ?? ',';
  for await (const block of readLines(texts)) {
    const records: SourceRecord[] = [];
    block.lines.forEach((raw, i) => {
      const line = block.lineNumbers ? block.lineNumbers[i] : block.firstLine + i;
      if (!header) {
        sep = delimiter ?? detectDelimiter(raw);
        header = splitCsvLine(raw, sep).map((h) => normalizeHeader(h));
        return;
      }
      if (raw.trim() === '') return;
      const cells = splitCsvLine(raw, sep);
      if (cells.length !== header.length) return void records.push({ line, raw, error: `expected ${header.length} fields, found ${cells.length}` });
      records.push({ line, raw, fields: Object.fromEntries(header.map((h, k) => [h, cells[k]])) });
    });
    if (records.length) yield { records, bytesRead: block.bytesRead, encoding: block.encoding };
  }
}

/** Records of a JSON-lines file (one object per line; blank lines skipped). */
export async function* jsonLineRecords(texts: AsyncIterable<TextChunk>): AsyncIterable<RecordChunk> {
  for await (const block of readLines(texts, false)) {
    const records: SourceRecord[] = [];
    block.lines.forEach((raw, i) => {
      if (raw.trim() !== '') records.push(parseJsonRecord(raw, block.firstLine + i));
    });
    if (records.length) yield { records, bytesRead: block.bytesRead, encoding: block.encoding };
  }
}

/** Records of a JSON array file, streamed element by element. */
export async function* jsonArrayRecords(texts: AsyncIterable<TextChunk>): AsyncIterable<RecordChunk> {
  const progress = { bytesRead: 0, encoding: '' };
  async function* tracked() {
    for await (const chunk of texts) {
      progress.bytesRead = chunk.bytesRead;
      progress.encoding = chunk.encoding;
      yield chunk;
    }
  }
  for await (const items of splitJsonArray(tracked())) {
    yield { records: items.map((item) => parseJsonRecord(item.text, item.line)), ...progress };
  }
}

function parseJsonRecord(raw: string, line: number): SourceRecord {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, raw, error: 'not a JSON object' };
    return { line, raw, fields: value as Record<string, unknown> };
  } catch (error) {
    return { line, raw, error: `invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
