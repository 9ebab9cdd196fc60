import { addMonths } from '../credit/index.js';
import type { ListKind, ListCondition, ListEffects, ListRuleSet, RiskFacts } from './list-rules.js';
import type { LocalizedText } from '../credit/index.js';

/** A rule's verdict on one customer. */
export interface ListMatch {
  readonly customerId: string;
  readonly kind: ListKind;
  readonly ruleId: string;
  readonly reason: LocalizedText;
  readonly effects: ListEffects;
  /** ISO date on which the entry expires unless a later run confirms it. */
  readonly expires: string;
}

function holds(c: ListCondition, facts: RiskFacts): boolean {
  const v = facts[c.fact];
  if (!Number.isFinite(v)) return false;
  switch (c.op) {
    case '>=': return v >= c.value;
    case '<=': return v <= c.value;
    case '>': return v > c.value;
    case '<': return v < c.value;
    case '==': return v === c.value;
  }
}

/**
 * The list entries the rules give one customer: the first matching rule per kind (rules are
 * ordered by priority); a customer on the black list is never also put on the red list.
 */
export function evaluateListRules(customerId: string, facts: RiskFacts, rules: ListRuleSet, asOf: string): ListMatch[] {
  const out: ListMatch[] = [];
  for (const kind of ['black', 'red'] as const) {
    if (kind === 'red' && out.length > 0) break;
    const rule = rules.rules.find((r) => r.kind === kind && r.when.every((c) => holds(c, facts)));
    if (rule) out.push({ customerId, kind, ruleId: rule.id, reason: rule.label, effects: rule.effects, expires: addMonths(asOf, rule.expiresMonths) });
  }
  return out;
}
