import { z } from 'zod';

/** Input and output schemas shared by several routes. Every input field is bounded. */
export const idText = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');
export const customerIdParams = z.strictObject({ id: idText });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a calendar date');
/** A free-text filter: bounded, no control characters. */
export const searchText = z.string().max(100).regex(/^[^\p{Cc}]*$/u, 'no control characters');

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const label = z.object({ 'zh-CN': z.string(), en: z.string() });

export const userOut = z.object({
  username: z.string(), displayName: z.string(), roles: z.array(z.string()), regions: z.array(z.string()).nullable(), disabled: z.boolean().optional(),
});
