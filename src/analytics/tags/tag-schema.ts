import { z } from 'zod';

/** One comparison of a feature with a fixed value, or with a quantile of the population. */
export const tagConditionSchema = z.object({
  feature: z.string().min(1),
  op: z.enum(['>=', '>', '<=', '<', '==', '!=', 'in']),
  /** A fixed value (number, string, or a list for `in`). */
  value: z.union([z.number(), z.string(), z.array(z.string()).min(1)]).optional(),
  /** Instead of `value`: this quantile (0–1) of the feature over the customers evaluated (non-null values). */
  quantile: z.number().gt(0).lt(1).optional(),
  /** With `quantile`: the threshold is this multiple of the quantile (default 1), e.g. 2.5 × the median. */
  factor: z.number().positive().optional(),
  /** With `quantile`: computed within groups of this feature (e.g. `customer_type`). */
  by: z.string().min(1).optional(),
}).refine((c) => (c.value === undefined) !== (c.quantile === undefined), { message: 'a condition needs exactly one of value or quantile' })
  .refine((c) => c.op !== 'in' || Array.isArray(c.value), { message: "op 'in' needs a list value" });
export type TagCondition = z.infer<typeof tagConditionSchema>;

export const tagDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'tag ids are lower_snake_case'),
  version: z.number().int().min(1),
  category: z.enum(['load', 'equipment', 'behaviour', 'service', 'billing', 'value', 'data']),
  label: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
  description: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
  /** Every condition must hold. */
  all: z.array(tagConditionSchema).default([]),
  /** At least one must hold (when given). */
  any: z.array(tagConditionSchema).default([]),
}).refine((t) => t.all.length + t.any.length > 0, { message: 'a tag needs at least one condition' });
export type TagDefinition = z.infer<typeof tagDefinitionSchema>;
export type TagDefinitionInput = z.input<typeof tagDefinitionSchema>;

export const tagCatalogueSchema = z.object({
  version: z.number().int().min(1),
  tags: z.array(tagDefinitionSchema).min(1),
}).refine((c) => new Set(c.tags.map((t) => t.id)).size === c.tags.length, { message: 'tag ids must be unique' });
export type TagCatalogue = z.infer<typeof tagCatalogueSchema>;
