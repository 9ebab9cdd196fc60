import { z } from 'zod';
import { baselineRegistry, DEFAULT_BASELINE } from '../baselines/baseline-registry.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * A demand-response programme. Defaults follow a provincial peak-shaving programme paying per kWh
 * of response (Jiangsu, Shandong, Zhejiang pay per kWh or kW; DOMAIN.md §2): the 2 CNY/kWh default
 * is illustrative, set the programme's real price.
 */
export const drProgramSchema = z.object({
  programId: z.string().regex(ID, 'letters, digits, "_", "." or "-", at most 64'),
  name: z.string().min(1).max(200),
  nameZh: z.string().min(1).max(200),
  priceCny: z.number().nonnegative().default(2),
  priceUnit: z.enum(['kwh', 'kw']).default('kwh'),
  settlement: z.enum(['interval', 'event']).default('interval'),
  baselineMethod: z.string().default(DEFAULT_BASELINE).refine((m) => baselineRegistry.has(m), { message: `unknown baseline method (known: ${[...baselineRegistry.keys()].join(', ')})` }),
  penaltyCnyPerKw: z.number().nonnegative().default(0),
  minPerformance: z.number().min(0).max(1).default(0.5),
  signal: z.enum(['SIMPLE', 'PRICE']).default('SIMPLE'),
  currency: z.string().length(3).default('CNY'),
});
export type DrProgram = z.infer<typeof drProgramSchema>;
export type DrProgramInput = z.input<typeof drProgramSchema>;

/** Parses a programme definition; a ValidationError-ready zod error names the field. */
export function parseDrProgram(input: DrProgramInput): DrProgram {
  return drProgramSchema.parse(input);
}
