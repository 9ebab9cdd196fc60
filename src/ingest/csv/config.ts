import { z } from 'zod';
import { textEncodings } from '../files/text-decoding.js';
import { readingMappingShape } from '../readings/reading-mapping.js';
import { timeFormats } from '../readings/timestamp-parser.js';

/** Who parses a CSV file (see `engine`). */
export const csvEngines = ['auto', 'duckdb', 'js'] as const;
export type CsvEngine = (typeof csvEngines)[number];

/**
 * Options of the CSV meter-reading connector: the declared column mapping (a JSON mapping file
 * has exactly these fields) and how to read the bytes. Every field has a documented default.
 */
export const CsvConfig = z.object({
  ...readingMappingShape,
  layout: z.enum(['auto', 'long', 'wide']).default('auto')
    .describe('long: one reading per row; wide: one meter-day per row with 24/48/96 slot columns (p01..p96, 1..96 or 00:15..24:00); auto: wide when slot columns exist'),
  timeZone: z.string().min(1).default('Asia/Shanghai').describe('IANA zone of the wall-clock times in the file'),
  timeFormat: z.enum(timeFormats).default('auto')
    .describe('field order of dates: ymd (2025-09-26 00:15), dmy (31-12-2002 01:00), mdy, epoch-s, epoch-ms; auto reads ymd or epochs and asks for dmy/mdy'),
  delimiter: z.string().length(1).optional().describe('field delimiter; default: detected from the header (, ; tab |)'),
  encoding: z.enum(textEncodings).default('auto').describe('auto: BOM, else UTF-8, else GB18030 (covers GBK)'),
  source: z.string().min(1).default('csv').describe('source name recorded with the readings'),
  engine: z.enum(csvEngines).default('auto')
    .describe('duckdb: DuckDB parses, validates and writes in bulk (UTF-8 files with a plain date-time layout); js: parsed line by line in JavaScript; auto: duckdb where it applies, else js'),
});
export type CsvConfig = z.infer<typeof CsvConfig>;
export type CsvConfigInput = z.input<typeof CsvConfig>;
