import { readBytes } from '../files/byte-source.js';
import { detectDelimiter, splitCsvLine } from '../files/csv-fields.js';
import { detectEncoding, type TextEncoding } from '../files/text-decoding.js';
import type { CsvConfig } from './config.js';

/** The first lines of a CSV file, read before choosing who parses it. */
export interface CsvHead {
  /** Encoding declared, or detected on the first bytes as the JS path does. */
  readonly encoding: Exclude<TextEncoding, 'auto'>;
  readonly delimiter: string;
  readonly header: string[];
  /** Fields of the first non-empty data line, if there is one. */
  readonly sample?: string[];
}

const HEAD_LIMIT = 4 << 20;

/**
 * Reads the start of a file (decompressed): enough bytes for the header and the first data line.
 * Undefined for an empty file or a non-UTF-8 encoding (the JS path reads those and says why).
 */
export async function readCsvHead(path: string, config: CsvConfig): Promise<CsvHead | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  let eof = true;
  for await (const chunk of readBytes(path)) {
    parts.push(chunk.data);
    size += chunk.data.length;
    if (size >= HEAD_LIMIT || countNewlines(parts) >= 2) {
      eof = false;
      break;
    }
  }
  const bytes = Buffer.concat(parts);
  if (bytes.length === 0) return undefined;
  const encoding = config.encoding === 'auto' ? detectEncoding(bytes) : config.encoding;
  if (encoding !== 'utf-8') return { encoding, delimiter: ',', header: [] };
  const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  const complete = eof ? lines : lines.slice(0, -1);
  if (complete.length === 0) return undefined;
  const delimiter = config.delimiter ?? detectDelimiter(complete[0]);
  const first = complete.slice(1).find((l) => l.length > 0);
  return { encoding, delimiter, header: splitCsvLine(complete[0], delimiter), sample: first === undefined ? undefined : splitCsvLine(first, delimiter) };
}

function countNewlines(parts: readonly Buffer[]): number {
  let n = 0;
  for (const p of parts) for (let i = p.indexOf(10); i !== -1 && n < 2; i = p.indexOf(10, i + 1)) n++;
  return n;
}
