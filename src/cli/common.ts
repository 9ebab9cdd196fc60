import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, type GridLensConfig } from '../core/config.js';
import { Output } from './output.js';

export interface CommonFlags {
  readonly db?: string;
  readonly lang?: string;
  readonly json?: boolean;
}

/** Adds the options every command shares. */
export function withCommonOptions(command: Command): Command {
  return command
    .option('--db <path>', 'DuckDB store (default ./data/gridlens.duckdb, env GRIDLENS_DB)')
    .option('--lang <lang>', 'message language: zh-CN or en (env GRIDLENS_LANG)')
    .option('--json', 'print one JSON document on stdout (progress goes to stderr)', false);
}

export function setup(flags: CommonFlags): { config: GridLensConfig; out: Output } {
  const config = loadConfig({ db: flags.db, lang: flags.lang });
  return { config, out: new Output({ json: Boolean(flags.json), lang: config.lang }) };
}

/** Runs a command body, printing errors the same way everywhere and setting the exit code. */
export async function runCommand(flags: CommonFlags, body: (ctx: { config: GridLensConfig; out: Output }) => Promise<void>): Promise<void> {
  let out = new Output({ json: Boolean(flags.json), lang: 'en' });
  try {
    const ctx = setup(flags);
    out = ctx.out;
    await body(ctx);
    out.done();
  } catch (error) {
    process.exitCode = out.fail(error);
  }
}

export function integerOption(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}, got "${value}"`);
    return n;
  };
}

export function dateOption(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
