import { ValidationError } from '../../core/errors.js';
import { parseWith } from '../ml/index.js';
import { RuleSet, type LocalizedText, type RuleCondition, type RuleDefinition, type RuleSetInput } from './rule-schema.js';

/** A rule that fired for one customer, with the values that made it fire. */
export interface RuleHit {
  readonly ruleId: string;
  /** Version of the rule set the rule came from. */
  readonly version: string;
  readonly label: LocalizedText;
  readonly severity: RuleDefinition['severity'];
  readonly weight: number;
  readonly evidence: LocalizedText;
  readonly values: Readonly<Record<string, number>>;
}

const compare: Record<RuleCondition['op'], (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

/**
 * Evaluates a validated rule set over named feature values. A missing or NaN value never satisfies
 * a condition. With `knownFeatures`, a rule naming any other feature is rejected up front.
 */
export class RuleEngine {
  readonly ruleSet: RuleSet;

  constructor(input: RuleSetInput, knownFeatures?: readonly string[]) {
    this.ruleSet = parseWith(RuleSet, input, 'rule set');
    if (knownFeatures) checkFeatures(this.ruleSet, new Set(knownFeatures));
  }

  evaluate(values: Readonly<Record<string, number>>): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const rule of this.ruleSet.rules) {
      if (!rule.enabled || !rule.when.every((c) => holds(c, values))) continue;
      const used = Object.fromEntries(rule.when.map((c) => [c.feature, values[c.feature]]));
      hits.push({
        ruleId: rule.id, version: this.ruleSet.version, label: rule.label, severity: rule.severity, weight: rule.weight,
        evidence: { 'zh-CN': fillTemplate(rule.evidence['zh-CN'], values), en: fillTemplate(rule.evidence.en, values) }, values: used,
      });
    }
    return hits;
  }
}

/** 1 − Π(1 − weight) over the hits: 0 without hits, approaching 1 as strong rules accumulate. */
export function ruleScore(hits: readonly RuleHit[]): number {
  return 1 - hits.reduce((p, h) => p * (1 - h.weight), 1);
}

function holds(condition: RuleCondition, values: Readonly<Record<string, number>>): boolean {
  const v = values[condition.feature];
  return typeof v === 'number' && !Number.isNaN(v) && compare[condition.op](v, condition.value);
}

function checkFeatures(set: RuleSet, known: ReadonlySet<string>): void {
  for (const rule of set.rules) {
    const unknown = rule.when.find((c) => !known.has(c.feature));
    if (unknown) throw new ValidationError(`rule ${rule.id} uses unknown feature ${unknown.feature}`, { rule: rule.id, feature: unknown.feature });
  }
}

/** Replaces `{name}`, `{name:pct}` and `{name:int}` with formatted values; unknown names stay as written. */
export function fillTemplate(template: string, values: Readonly<Record<string, number>>): string {
  return template.replace(/\{([a-z0-9_]+)(?::(pct|int))?\}/g, (whole, name: string, format?: string) => {
    const v = values[name];
    if (typeof v !== 'number' || Number.isNaN(v)) return whole;
    if (format === 'pct') return `${(v * 100).toFixed(0)}%`;
    if (format === 'int') return String(Math.round(v));
    return v.toFixed(2);
  });
}
