import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { parseWith } from '../ml/index.js';

export const LIST_KINDS = ['red', 'black'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** Facts a list rule can test, per customer (see `customerRiskFacts` in the credit job). */
export const RISK_FACTS = [
  'grade_rank', 'score', 'tenure_years', 'theft_confirmed', 'returned_12m', 'late_12m', 'days_past_due', 'pd_default', 'demerit_rating',
] as const;
export type RiskFact = (typeof RISK_FACTS)[number];
export type RiskFacts = Readonly<Record<RiskFact, number>>;

const Text = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

/** What list membership means for the account. */
export const ListEffects = z.object({
  /** Security deposit in months of the average bill (overrides the grade's when larger for black, smaller for red). */
  depositMonths: z.number().min(0),
  prepaymentRequired: z.boolean(),
  offerEligible: z.boolean(),
});
export type ListEffects = z.infer<typeof ListEffects>;

export const ListCondition = z.object({
  fact: z.enum(RISK_FACTS),
  op: z.enum(['>=', '<=', '>', '<', '==']),
  value: z.number(),
});
export type ListCondition = z.infer<typeof ListCondition>;

/** A declarative list rule: all conditions hold → the customer is on the list until `expiresMonths` after the run. */
export const ListRule = z.object({
  id: z.string().regex(/^[a-z][a-z0-9.-]*$/, 'lower-case id like black.theft'),
  kind: z.enum(LIST_KINDS),
  label: Text,
  when: z.array(ListCondition).min(1),
  expiresMonths: z.number().int().min(1).max(120),
  effects: ListEffects,
});
export type ListRule = z.infer<typeof ListRule>;

export const ListRuleSet = z.object({
  name: z.string().min(1),
  version: z.number().int().min(1),
  rules: z.array(ListRule).min(1),
});
export type ListRuleSet = z.infer<typeof ListRuleSet>;

export const BLACK_EFFECTS: ListEffects = { depositMonths: 3, prepaymentRequired: true, offerEligible: false };
export const RED_EFFECTS: ListEffects = { depositMonths: 0, prepaymentRequired: false, offerEligible: true };

/** The built-in rules (DOMAIN.md section 6; a proposal the risk department tunes). */
export const defaultListRules: ListRuleSet = parseWith(ListRuleSet, {
  name: 'gridlens-default-lists',
  version: 1,
  rules: [
    { id: 'black.theft', kind: 'black', label: { 'zh-CN': '查实窃电', en: 'confirmed theft' }, when: [{ fact: 'theft_confirmed', op: '>=', value: 1 }], expiresMonths: 36, effects: BLACK_EFFECTS },
    { id: 'black.returned', kind: 'black', label: { 'zh-CN': '一年内三次及以上退票', en: 'three or more returned payments in a year' }, when: [{ fact: 'returned_12m', op: '>=', value: 3 }], expiresMonths: 12, effects: BLACK_EFFECTS },
    { id: 'black.arrears', kind: 'black', label: { 'zh-CN': '欠费超过90天', en: 'more than 90 days in arrears' }, when: [{ fact: 'days_past_due', op: '>', value: 90 }], expiresMonths: 12, effects: BLACK_EFFECTS },
    {
      id: 'red.top-grade', kind: 'red', label: { 'zh-CN': '信用等级AA及以上且用电满5年、一年内无逾期', en: 'grade AA or better, 5+ years a customer, no late payment in a year' },
      when: [{ fact: 'grade_rank', op: '<=', value: 1 }, { fact: 'tenure_years', op: '>=', value: 5 }, { fact: 'late_12m', op: '==', value: 0 }],
      expiresMonths: 12, effects: RED_EFFECTS,
    },
  ],
}, 'list rule set');

export function parseListRules(input: unknown): ListRuleSet {
  const set = parseWith(ListRuleSet, input, 'list rule set');
  const ids = new Set<string>();
  for (const r of set.rules) {
    if (ids.has(r.id)) throw new ValidationError(`list rule set ${set.name}: duplicate rule id ${r.id}`, { rule: r.id });
    ids.add(r.id);
  }
  return set;
}
