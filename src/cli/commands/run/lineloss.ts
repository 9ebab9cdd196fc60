import { Command } from 'commander';
import { runLineloss, type LinelossRunResult } from '../../../jobs/lineloss.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../../common.js';
import type { Output } from '../../output.js';

interface LinelossFlags extends CommonFlags {
  readonly top: number;
  readonly batchMeters?: number;
}

/** `gridlens run lineloss`: line loss per transformer area with group identification. */
export function linelossStepCommand(): Command {
  return withCommonOptions(new Command('lineloss').description('line-loss rate per transformer area (台区), flagged areas and group identification'))
    .option('--top <n>', 'areas to print, worst first (default 10)', integerOption(1, 1_000_000), 10)
    .option('--batch-meters <n>', 'meters analysed together, whole transformer areas (default 4000)', integerOption(100, 1_000_000))
    .action((flags: LinelossFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await runLineloss(config, { top: flags.top, batchMeters: flags.batchMeters, onProgress: out.progress() });
        out.result(result, () => linelossLines(result, out));
      }));
}

function linelossLines(r: LinelossRunResult, out: Output): string[] {
  const lines = [out.t('risk.lineloss.summary', { runId: r.runId, areas: r.areas, flagged: r.flagged, kwh: r.lossKwh, seconds: r.seconds.toFixed(1) })];
  for (const a of r.worst) {
    lines.push(`  ${out.t('risk.lineloss.line', {
      area: a.areaId, recent: (a.recentRate * 100).toFixed(2), median: (a.medianRate * 100).toFixed(2), flag: out.t(a.flagged ? 'risk.flagged' : 'risk.normal'),
      suspects: a.suspects.slice(0, 3).map((s) => s.customerId).join(', ') || '-',
    })}`);
  }
  return lines;
}
