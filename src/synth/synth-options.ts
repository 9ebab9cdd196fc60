import { z } from 'zod';
import { ValidationError } from '../core/errors.js';

/** Options of the synthetic utility. Defaults make the standard demo: 1,000 customers, 400 days, 15-minute data. */
export const SynthOptions = z.object({
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(20260101),
  customers: z.number().int().min(1).max(10_000_000).default(1000),
  days: z.number().int().min(1).max(3660).default(400),
  /** First local day of the simulation. The default ends the demo on 2026-10-30. */
  start: z.iso.date().default('2025-09-26'),
  intervalMinutes: z.union([z.literal(5), z.literal(15), z.literal(30), z.literal(60)]).default(15),
  timeZone: z.string().default('Asia/Shanghai'),
  /** Share of customers stealing electricity (DOMAIN.md section 7 families plus bypass). */
  theftRate: z.number().min(0).max(0.5).default(0.03),
  /** Multiplier on the default meter-fault rates (0 = a clean utility). */
  faultRate: z.number().min(0).max(20).default(1),
  /** Customers per public transformer area (台区), on average. */
  customersPerArea: z.number().int().min(5).max(1000).default(80),
  /** Worker threads generating transformer areas in parallel (0 = one per core, 1 = in this thread). */
  threads: z.number().int().min(0).max(64).default(1),
});
export type SynthOptions = z.infer<typeof SynthOptions>;
export type SynthOptionsInput = z.input<typeof SynthOptions>;

export function parseSynthOptions(input: SynthOptionsInput): SynthOptions {
  const parsed = SynthOptions.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`invalid synth option ${issue.path.join('.')}: ${issue.message}`, { option: issue.path.join('.') });
  }
  return parsed.data;
}
