import { Channel } from '../../core/schemas/meter.js';

/** Record-level rules every reading passes before it is staged (DOMAIN.md section 1, the parts ingest can judge alone). */
export interface ReadingRules {
  /** Readings whose interval starts after this instant (epoch ms) are future timestamps. */
  readonly notAfterMs: number;
  /** Negative values are accepted on the export channel only, unless this is set. */
  readonly allowNegativeImport: boolean;
}

export function readingRules(nowMs: number, options: { futureToleranceMinutes?: number; allowNegativeImport?: boolean } = {}): ReadingRules {
  return { notAfterMs: nowMs + (options.futureToleranceMinutes ?? 0) * 60_000, allowNegativeImport: options.allowNegativeImport ?? false };
}

export interface RuleFailure {
  readonly code: 'future_timestamp' | 'negative_value';
  readonly reason: string;
}

/** The first rule a reading breaks, or undefined. */
export function checkReading(rules: ReadingRules, channel: number, tsMs: number, kwh: number): RuleFailure | undefined {
  if (tsMs > rules.notAfterMs) {
    return { code: 'future_timestamp', reason: `timestamp ${new Date(tsMs).toISOString()} is in the future (after ${new Date(rules.notAfterMs).toISOString()})` };
  }
  if (kwh < 0 && channel !== Channel.export && !rules.allowNegativeImport) {
    return { code: 'negative_value', reason: `negative value ${kwh} kWh on the import channel (only export channels may be negative)` };
  }
  return undefined;
}
