import { Command, InvalidArgumentError } from 'commander';
import { veeRun, type VeeRunResult } from '../../jobs/vee-run.js';
import type { Output } from '../output.js';
import { dateOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';

interface VeeRunFlags extends CommonFlags {
  readonly from?: string;
  readonly to?: string;
  readonly meters?: number[];
  readonly rules?: string;
}

export function meterListOption(value: string): number[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n <= 0)) throw new InvalidArgumentError(`expected meter ids such as 1,2,17, got "${value}"`);
  return ids;
}

export function veeCommand(): Command {
  const vee = new Command('vee').description('validation, estimation and editing (VEE) of stored meter readings');
  withCommonOptions(vee.command('run').description('re-validate a range: write flags, estimates and edits (originals kept in reading_edits)'))
    .option('--from <date>', 'first local day (default: first day with readings)', dateOption)
    .option('--to <date>', 'last local day, included (default: last day with readings)', dateOption)
    .option('--meters <ids>', 'comma-separated meter ids (default: all meters)', meterListOption)
    .option('--rules <file>', 'JSON rule file (version 1; default: the shipped gridlens-default rules)')
    .action((flags: VeeRunFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await veeRun(config, { from: flags.from, to: flags.to, meters: flags.meters, rules: flags.rules }, { onProgress: out.progress() });
        out.done();
        out.result(result, () => summaryLines(result, out));
      }));
  return vee;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const counts = (byKey: Record<string, number>) => Object.entries(byKey).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${fmt(n)}`).join(', ') || '-';

function summaryLines(r: VeeRunResult, out: Output): string[] {
  return [
    out.t('vee.summary', { runId: r.runId, from: r.range.from, to: r.range.to, meters: fmt(r.meters), intervals: fmt(r.intervals), seconds: r.seconds.toFixed(1), rate: fmt(r.intervalsPerSecond) }),
    `  ${out.t('vee.flags', { flags: fmt(r.flags.total) })} ${counts(r.flags.byCheck)}`,
    `  ${out.t('vee.edits', { written: fmt(r.edits.written), unchanged: fmt(r.edits.unchanged) })} ${counts(r.edits.byMethod)}`,
    ...r.skippedChecks.map((c) => `  ${out.t('vee.skippedCheck', { check: c.check })}`),
    ...r.skippedMeters.slice(0, 10).map((m) => `  ${out.t('vee.skippedMeter', { meter: m.meterId, reason: m.reason })}`),
  ];
}
