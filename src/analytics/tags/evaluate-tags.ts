import { ValidationError } from '../../core/errors.js';
import type { TagCatalogue, TagCondition, TagDefinition } from './tag-schema.js';

type Value = string | number | boolean | null | undefined;
/** A customer's features by name (a `customer_features` row). */
export type FeatureRecord = Readonly<Record<string, Value>>;

export interface TagAssignment {
  readonly customerId: string;
  readonly tagId: string;
  readonly tagVersion: number;
  /** The feature values the rule looked at. */
  readonly evidence: Record<string, Value>;
}

export interface TagCoverage {
  readonly tagId: string;
  readonly version: number;
  readonly label: TagDefinition['label'];
  /** Customers tagged. */
  readonly tagged: number;
  /** Customers whose features let the rule be decided (every `all` feature present, and one `any` feature). */
  readonly eligible: number;
  /** tagged / customers evaluated. */
  readonly share: number;
  /** Thresholds resolved from quantiles, by group (`*` without `by`). */
  readonly thresholds?: Record<string, number>;
}

export interface TagEvaluation {
  readonly customers: number;
  readonly assignments: TagAssignment[];
  readonly coverage: TagCoverage[];
}

/** The value of the q-quantile (linear interpolation) of sorted values. */
function quantileOf(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Resolves each quantile condition into thresholds per group over the population. */
function resolveQuantiles(condition: TagCondition, rows: readonly FeatureRecord[]): Map<string, number> {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const v = row[condition.feature];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const key = condition.by ? String(row[condition.by] ?? '') : '*';
    const list = groups.get(key) ?? [];
    list.push(v);
    groups.set(key, list);
  }
  const out = new Map<string, number>();
  for (const [key, values] of groups) out.set(key, (condition.factor ?? 1) * quantileOf(values.sort((a, b) => a - b), condition.quantile!));
  return out;
}

/** true / false, or null when the feature is missing (the rule cannot be decided on it). */
function test(condition: TagCondition, row: FeatureRecord, threshold: number | undefined): boolean | null {
  const v = row[condition.feature];
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return null;
  const target = threshold ?? condition.value;
  if (target === undefined || (typeof target === 'number' && Number.isNaN(target))) return null;
  switch (condition.op) {
    case '==': return v === target;
    case '!=': return v !== target;
    case 'in': return (target as string[]).includes(String(v));
    default: {
      if (typeof v !== 'number' || typeof target !== 'number') return null;
      if (condition.op === '>=') return v >= target;
      if (condition.op === '>') return v > target;
      if (condition.op === '<=') return v <= target;
      return v < target;
    }
  }
}

/** Checks that every feature a catalogue names exists in the rows (so a typo is an error, not an empty tag). */
export function checkCatalogueFeatures(catalogue: TagCatalogue, featureNames: readonly string[]): void {
  const known = new Set(featureNames);
  for (const tag of catalogue.tags) {
    for (const c of [...tag.all, ...tag.any]) {
      if (!known.has(c.feature)) throw new ValidationError(`tag ${tag.id}: unknown feature ${c.feature}`);
      if (c.by && !known.has(c.by)) throw new ValidationError(`tag ${tag.id}: unknown group feature ${c.by}`);
    }
  }
}

/** Evaluates every tag of the catalogue over the customers' feature rows. Pure. */
export function evaluateTags(catalogue: TagCatalogue, rows: readonly FeatureRecord[], idFeature = 'customer_id'): TagEvaluation {
  const assignments: TagAssignment[] = [];
  const coverage: TagCoverage[] = [];
  for (const tag of catalogue.tags) {
    const conditions = [...tag.all, ...tag.any];
    const thresholds = conditions.map((c) => (c.quantile !== undefined ? resolveQuantiles(c, rows) : undefined));
    const thresholdOf = (i: number, row: FeatureRecord) => {
      const map = thresholds[i];
      if (!map) return undefined;
      return map.get(conditions[i].by ? String(row[conditions[i].by!] ?? '') : '*') ?? Number.NaN;
    };
    let tagged = 0, eligible = 0;
    for (const row of rows) {
      const results = conditions.map((c, i) => test(c, row, thresholdOf(i, row)));
      const allResults = results.slice(0, tag.all.length);
      const anyResults = results.slice(tag.all.length);
      const decidable = allResults.every((r) => r !== null) && (anyResults.length === 0 || anyResults.some((r) => r !== null));
      if (decidable) eligible++;
      const hit = allResults.every((r) => r === true) && (anyResults.length === 0 || anyResults.some((r) => r === true));
      if (!hit) continue;
      tagged++;
      const evidence: Record<string, Value> = {};
      for (const c of conditions) evidence[c.feature] = row[c.feature] ?? null;
      assignments.push({ customerId: String(row[idFeature]), tagId: tag.id, tagVersion: tag.version, evidence });
    }
    const resolved: Record<string, number> = {};
    thresholds.forEach((map) => map?.forEach((v, k) => { resolved[k] = v; }));
    coverage.push({
      tagId: tag.id, version: tag.version, label: tag.label, tagged, eligible, share: rows.length ? tagged / rows.length : 0,
      ...(Object.keys(resolved).length ? { thresholds: resolved } : {}),
    });
  }
  return { customers: rows.length, assignments, coverage };
}
