import cliProgress from 'cli-progress';
import { AppError, describeError } from '../core/errors.js';
import type { Lang } from '../core/i18n/index.js';
import type { Progress, ProgressListener } from '../core/record-batch.js';
import { msg } from './messages.js';

export interface OutputOptions {
  readonly json: boolean;
  readonly lang: Lang;
}

/**
 * Everything a command prints goes through here: one JSON document on stdout with --json,
 * human text otherwise; progress bars on stderr only when stderr is a terminal.
 */
export class Output {
  private bar: cliProgress.SingleBar | undefined;
  private phase = '';

  constructor(readonly options: OutputOptions) {}

  t(key: string, vars?: Record<string, string | number>): string {
    return msg(this.options.lang, key, vars);
  }

  /** Prints the command's result: `json` as the document, `text` lines for people. */
  result(json: unknown, text: () => string[]): void {
    if (this.options.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    else process.stdout.write(`${text().join('\n')}\n`);
  }

  info(line: string): void {
    if (!this.options.json) process.stderr.write(`${line}\n`);
  }

  progress(): ProgressListener {
    if (!process.stderr.isTTY) return () => undefined;
    return (p: Progress) => this.update(p);
  }

  private update(p: Progress): void {
    if (p.phase !== this.phase) {
      this.bar?.stop();
      this.phase = p.phase;
      this.bar = new cliProgress.SingleBar(
        { format: `${this.t(`phase.${p.phase}`).padEnd(18)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(p.total, p.done);
    }
    this.bar?.update(p.done);
    if (p.done >= p.total) this.bar?.setTotal(p.total);
  }

  done(): void {
    this.bar?.stop();
    this.bar = undefined;
    this.phase = '';
  }

  /** Reports an error and returns the exit code. */
  fail(error: unknown): number {
    this.done();
    const code = error instanceof AppError ? error.code : 'ERROR';
    if (this.options.json) {
      const details = error instanceof AppError ? error.details : {};
      process.stdout.write(`${JSON.stringify({ error: { code, message: describeError(error), details } }, null, 2)}\n`);
    } else {
      process.stderr.write(`${this.t('error.prefix')}: ${describeError(error)}\n`);
    }
    return code === 'VALIDATION' || code === 'CONFIG' ? 2 : 1;
  }
}
