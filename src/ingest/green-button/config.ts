import { z } from 'zod';

/** Options of the Green Button (NAESB ESPI Atom feed) connector. */
export const GreenButtonConfig = z.object({
  meterNoFrom: z.enum(['usage-point', 'file-name']).default('usage-point')
    .describe('meter number: the UsagePoint id in the entry links (…/UsagePoint/<id>/…) or the file name without extension'),
  meterNo: z.string().min(1).optional().describe('a constant meter number for every reading of the file'),
  startsAreLocal: z.boolean().default(false)
    .describe('ESPI starts are UTC epoch seconds; set when an exporter wrote local epochs: the LocalTimeParameters tzOffset is then subtracted'),
  registerMeters: z.boolean().default(false).describe('register unknown meters instead of quarantining their readings'),
  batchRows: z.number().int().min(1).max(1_000_000).default(65_536).describe('readings per batch handed to the pipeline'),
  source: z.string().min(1).default('green-button').describe('source name recorded with the readings'),
});
export type GreenButtonConfig = z.infer<typeof GreenButtonConfig>;
export type GreenButtonConfigInput = z.input<typeof GreenButtonConfig>;
