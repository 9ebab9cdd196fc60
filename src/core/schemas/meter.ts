import { z } from 'zod';

/** Register channels of a meter. Export exists only on net-metered (PV) premises. */
export const Channel = { import: 1, export: 2 } as const;
export type ChannelCode = (typeof Channel)[keyof typeof Channel];
export const channelNames: Record<number, string> = { 1: 'import', 2: 'export' };

/** Quality flag of an interval value, stored as a small integer code. */
export const Quality = { actual: 0, estimated: 1, edited: 2, missing: 3 } as const;
export type QualityCode = (typeof Quality)[keyof typeof Quality];
export const qualityNames: Record<number, string> = { 0: 'actual', 1: 'estimated', 2: 'edited', 3: 'missing' };

export const allowedIntervals = [5, 15, 30, 60] as const;
export const IntervalMinutes = z.union(allowedIntervals.map((m) => z.literal(m)) as [z.ZodLiteral<5>, z.ZodLiteral<15>, z.ZodLiteral<30>, z.ZodLiteral<60>]);

export const Meter = z.object({
  /** Warehouse surrogate key. */
  meterId: z.number().int().positive(),
  /** Asset number printed on the meter (barcode). */
  meterNo: z.string().min(1),
  customerId: z.string().min(1),
  areaId: z.string().min(1),
  /** CT/PT multiplier applied to register advances. */
  multiplier: z.number().positive(),
  intervalMinutes: IntervalMinutes,
  channels: z.array(z.enum(['import', 'export'])).min(1),
  phases: z.union([z.literal(1), z.literal(3)]),
  installDate: z.iso.date(),
});
export type Meter = z.infer<typeof Meter>;

/** One interval value: energy in the interval starting at `ts` (UTC). */
export const IntervalReading = z.object({
  meterId: z.number().int().positive(),
  channel: z.union([z.literal(1), z.literal(2)]),
  ts: z.date(),
  kwh: z.number().finite(),
  quality: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  sourceId: z.number().int().nonnegative(),
});
export type IntervalReading = z.infer<typeof IntervalReading>;

/** A cumulative register read (示数), typically daily at local midnight. */
export const RegisterRead = z.object({
  meterId: z.number().int().positive(),
  channel: z.union([z.literal(1), z.literal(2)]),
  ts: z.date(),
  registerKwh: z.number().nonnegative(),
});
export type RegisterRead = z.infer<typeof RegisterRead>;
