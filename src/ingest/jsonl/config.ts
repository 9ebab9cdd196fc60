import { z } from 'zod';
import { textEncodings } from '../files/text-decoding.js';

/** Options of the JSON-lines connector for app / WeChat / web events (one `AppEvent` object per line). */
export const JsonlConfig = z.object({
  timeZone: z.string().min(1).default('UTC').describe('IANA zone of timestamps without an offset (GridLens exports write UTC)'),
  encoding: z.enum(textEncodings).default('auto').describe('auto: BOM, else UTF-8, else GB18030'),
  batchRows: z.number().int().min(1).max(1_000_000).default(20_000).describe('events per batch handed to the pipeline'),
  source: z.string().min(1).default('app-events').describe('source name recorded for the events'),
});
export type JsonlConfig = z.infer<typeof JsonlConfig>;
export type JsonlConfigInput = z.input<typeof JsonlConfig>;
