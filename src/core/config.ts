import { z } from 'zod';
import { ConfigError } from './errors.js';

/**
 * Process-level configuration. This module is the only reader of `process.env`; everything else
 * receives a parsed, typed `GridLensConfig`. Secrets are marked so that `redactConfig` hides them.
 */
export const configSchema = z.object({
  /** Path of the embedded DuckDB store. */
  db: z.string().min(1).default('./data/gridlens.duckdb'),
  /** Language of user-facing messages. */
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** Default time zone of customers when a source does not say. */
  timeZone: z.string().default('Asia/Shanghai'),
  /** Worker threads used by generators and model training (0 = number of cores). */
  threads: z.coerce.number().int().min(0).default(0),
});

export type GridLensConfig = z.infer<typeof configSchema>;

/** Keys whose values are secrets and are never printed or logged. */
export const secretKeys: ReadonlySet<string> = new Set<string>([]);

const envNames: Record<keyof GridLensConfig, string> = {
  db: 'GRIDLENS_DB',
  lang: 'GRIDLENS_LANG',
  timeZone: 'GRIDLENS_TIME_ZONE',
  threads: 'GRIDLENS_THREADS',
};

/** Parses configuration from the environment, overridden by explicit values (CLI flags). */
export function loadConfig(overrides: Partial<Record<keyof GridLensConfig, unknown>> = {}, env: NodeJS.ProcessEnv = process.env): GridLensConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(envNames)) {
    if (env[name] !== undefined && env[name] !== '') raw[key] = env[name];
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) raw[key] = value;
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    throw new ConfigError(`invalid configuration ${key} (${envNames[key as keyof GridLensConfig] ?? key}): ${issue?.message}`, { key });
  }
  return parsed.data;
}

/** A copy safe to print: secret values replaced. */
export function redactConfig(config: GridLensConfig): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secretKeys.has(k) ? '***' : v]));
}

/**
 * A secret named by the caller instead of given on the command line (`--password-env VAR`): the
 * value of that environment variable. Never print what it returns.
 */
export function secretFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError(`environment variable ${name} is not set (it should hold the secret)`, { variable: name });
  return value;
}
