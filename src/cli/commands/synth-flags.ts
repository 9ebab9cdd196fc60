import type { Command } from 'commander';
import type { SynthRequest } from '../../jobs/synth-request.js';
import { dateOption, integerOption } from '../common.js';

export interface SynthFlags {
  readonly seed?: number;
  readonly customers?: number;
  readonly days?: number;
  readonly interval?: number;
  readonly start?: string;
  readonly theftRate?: number;
  readonly faultRate?: number;
}

/** Options shared by `demo` and `synth`. */
export function withSynthOptions(command: Command): Command {
  return command
    .option('--seed <n>', 'random seed: the same seed gives identical data', integerOption(0, 2 ** 31 - 1))
    .option('--customers <n>', 'number of customers (default 1000)', integerOption(1, 10_000_000))
    .option('--days <n>', 'days of history (default 400)', integerOption(1, 3660))
    .option('--interval <minutes>', 'interval length: 5, 15, 30 or 60 (default 15)', integerOption(5, 60))
    .option('--start <date>', 'first local day, YYYY-MM-DD (default 2025-09-26)', dateOption)
    .option('--theft-rate <share>', 'share of customers stealing (default 0.03)', Number.parseFloat)
    .option('--fault-rate <factor>', 'multiplier on meter-fault rates (default 1; 0 = clean)', Number.parseFloat);
}

export function synthRequestOf(flags: SynthFlags): SynthRequest {
  return {
    seed: flags.seed, customers: flags.customers, days: flags.days, intervalMinutes: flags.interval as SynthRequest['intervalMinutes'],
    start: flags.start, theftRate: flags.theftRate, faultRate: flags.faultRate,
  };
}
