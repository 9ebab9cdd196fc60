import { z } from 'zod';

/** A text in both languages of the product. */
export const LocalizedText = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** One comparison of a named feature with a threshold. */
export const RuleCondition = z.object({
  feature: z.string().min(1),
  op: z.enum(['>', '>=', '<', '<=']),
  value: z.number(),
});
export type RuleCondition = z.infer<typeof RuleCondition>;

/**
 * A declarative rule: it hits when every condition in `when` holds. `evidence` is a sentence with
 * placeholders `{feature}`, `{feature:pct}` or `{feature:int}` filled from the customer's values.
 */
export const RuleDefinition = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'rule ids are snake_case'),
  label: LocalizedText,
  evidence: LocalizedText,
  when: z.array(RuleCondition).min(1),
  severity: z.enum(['low', 'medium', 'high']).default('medium'),
  /** Contribution to the rule score: score = 1 − Π(1 − weight) over the rules hit. */
  weight: z.number().min(0).max(1).default(0.3),
  enabled: z.boolean().default(true),
});
export type RuleDefinition = z.output<typeof RuleDefinition>;
export type RuleDefinitionInput = z.input<typeof RuleDefinition>;

/** A named, versioned set of rules with unique ids; every hit records the version that produced it. */
export const RuleSet = z
  .object({
    name: z.string().min(1),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'versions are semantic (1.2.0)'),
    rules: z.array(RuleDefinition).min(1),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', message: `duplicate rule id ${rule.id}`, path: ['rules', i, 'id'] });
      seen.add(rule.id);
    });
  });
export type RuleSet = z.output<typeof RuleSet>;
export type RuleSetInput = z.input<typeof RuleSet>;
