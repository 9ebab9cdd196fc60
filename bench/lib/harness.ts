import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

/** Result of one measured case, run in its own process so peak RSS is its own. */
export interface CaseResult {
  readonly name: string;
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly peakRssMb: number;
  readonly [extra: string]: unknown;
}

/** Runs `bench/<script>` with a case argument in a child process and parses the JSON line it prints. */
export function runCase(script: string, args: string[]): CaseResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join('bench', script), ...args], {
    encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = out.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as CaseResult;
}

/** What a case prints as its last line. */
export function reportCase(name: string, rows: number, seconds: number, extra: Record<string, unknown> = {}): void {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const result: CaseResult = { name, rows, seconds: round(seconds, 3), rowsPerSecond: Math.round(rows / seconds), peakRssMb: round(peakRssMb, 1), ...extra };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function writeResult(bench: string, body: Record<string, unknown>): string {
  mkdirSync('bench/results', { recursive: true });
  const path = join('bench/results', `${bench}.json`);
  const doc = {
    bench, date: new Date().toISOString(), node: process.version,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30, 1), loadAverage1m: round(loadavg()[0], 2) }, ...body,
  };
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
  return path;
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
