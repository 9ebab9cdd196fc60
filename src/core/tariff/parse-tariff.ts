import type { z } from 'zod';
import { ValidationError } from '../errors.js';
import { Tariff } from '../schemas/tariff.js';
import { tariffRuleIssues } from './tariff-rules.js';

/** `['energyratestructure', 0, 0, 'rate']` -> `energyratestructure[0][0].rate`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

const missingCodes = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

/** Missing fields read `required`; every other issue keeps zod's message. */
const errorMap = (issue: { code?: string; input?: unknown }): string | undefined =>
  issue.input === undefined && missingCodes.has(issue.code ?? '') ? 'required' : undefined;

function schemaIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

function fail(issues: string[], source: string | undefined): never {
  const where = source ? ` ${source}` : '';
  throw new ValidationError(`invalid tariff${where}: ${issues.join('; ')}`, { source, issues });
}

/**
 * Validates a tariff: the zod schema first, then the cross-field rules (schedules naming existing
 * periods, tier order, China tier rules). Throws a ValidationError whose message names every
 * offending field path; `details.issues` lists them one by one.
 */
export function parseTariff(json: unknown, source?: string): Tariff {
  const result = Tariff.safeParse(json, { error: errorMap });
  if (!result.success) fail(schemaIssues(result.error), source);
  const issues = tariffRuleIssues(result.data);
  if (issues.length > 0) fail(issues, source);
  return source !== undefined && result.data.source === undefined ? { ...result.data, source } : result.data;
}
