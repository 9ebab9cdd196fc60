import { z } from 'zod';
import { readingMappingShape } from '../readings/reading-mapping.js';
import { timeFormats } from '../readings/timestamp-parser.js';

/**
 * Options of the Parquet meter-reading connector: the same column mapping as CSV. Parquet files
 * are read by the warehouse engine (DuckDB `read_parquet`) page by page.
 */
export const ParquetConfig = z.object({
  ...readingMappingShape,
  timeZone: z.string().min(1).default('UTC')
    .describe('IANA zone of naive TIMESTAMP or text times (exports conventionally store UTC); TIMESTAMP WITH TIME ZONE is absolute'),
  timeFormat: z.enum(timeFormats).default('auto').describe('field order of text timestamps (see the CSV connector)'),
  source: z.string().min(1).default('parquet').describe('source name recorded with the readings'),
});
export type ParquetConfig = z.infer<typeof ParquetConfig>;
export type ParquetConfigInput = z.input<typeof ParquetConfig>;
