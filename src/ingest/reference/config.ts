import { z } from 'zod';
import { textEncodings } from '../files/text-decoding.js';
import { referenceTableNames } from '../records/record-tables.js';

/** Options of the reference-data connector (customers, accounts, meters, areas, tariffs, bills, payments, tickets...). */
export const ReferenceConfig = z.object({
  table: z.enum(referenceTableNames).optional().describe('target table; default: the file name (customers.csv → customers)'),
  format: z.enum(['auto', 'csv', 'json', 'jsonl']).default('auto').describe('auto: by extension (.csv/.txt, .json array, .jsonl/.ndjson)'),
  delimiter: z.string().length(1).optional().describe('CSV delimiter; default: detected from the header'),
  encoding: z.enum(textEncodings).default('auto').describe('auto: BOM, else UTF-8, else GB18030'),
  timeZone: z.string().min(1).default('UTC').describe('IANA zone of timestamps without an offset (GridLens exports write UTC)'),
  batchRows: z.number().int().min(1).max(1_000_000).default(20_000).describe('records per batch handed to the pipeline'),
  source: z.string().min(1).default('reference').describe('source name recorded for the rows'),
});
export type ReferenceConfig = z.infer<typeof ReferenceConfig>;
export type ReferenceConfigInput = z.input<typeof ReferenceConfig>;
