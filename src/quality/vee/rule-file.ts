import { readFile } from 'node:fs/promises';
import { ConfigError } from '../../core/errors.js';
import { VeeRuleSet } from './vee-rules.js';
import { describeIssues } from './zod-issues.js';

/**
 * Validates a parsed rule set. Every problem is reported with its field path, e.g.
 * `rules.json: overrides.industrial.spike.neighbourRatio: Too small: expected number to be >1`.
 */
export function parseVeeRuleSet(data: unknown, source = 'VEE rule set'): VeeRuleSet {
  const parsed = VeeRuleSet.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = describeIssues(parsed.error, '');
  throw new ConfigError(`${source}: ${problems.join('; ')}`, { source, problems });
}

/** Parses and validates the JSON text of a rule file (YAML is not supported: no parser is installed). */
export function parseVeeRuleSetJson(text: string, source = 'VEE rule file'): VeeRuleSet {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`${source}: not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`, { source });
  }
  return parseVeeRuleSet(data, source);
}

export async function loadVeeRuleFile(path: string): Promise<VeeRuleSet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(`${path}: cannot read the VEE rule file: ${cause instanceof Error ? cause.message : String(cause)}`, { path });
  }
  return parseVeeRuleSetJson(text, path);
}
