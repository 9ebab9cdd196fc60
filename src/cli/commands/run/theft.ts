import { Command } from 'commander';
import { runTheft, type TheftRunResult } from '../../../jobs/theft.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../../common.js';
import type { Output } from '../../output.js';

interface TheftFlags extends CommonFlags {
  readonly keep: number;
  readonly top: number;
  readonly batchMeters?: number;
}

/** `gridlens run theft`: the ranked inspection list with evidence, batch of transformer areas by batch. */
export function theftStepCommand(): Command {
  return withCommonOptions(new Command('theft').description('score every meter for theft and abnormal use and store the ranked inspection list with evidence'))
    .option('--keep <n>', 'inspection entries stored with evidence (default 2000)', integerOption(1, 10_000_000), 2000)
    .option('--top <n>', 'entries to print (default 10)', integerOption(1, 100_000), 10)
    .option('--batch-meters <n>', 'meters analysed together, whole transformer areas (default 4000)', integerOption(100, 1_000_000))
    .action((flags: TheftFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await runTheft(config, { keep: flags.keep, top: flags.top, batchMeters: flags.batchMeters, onProgress: out.progress() });
        out.result(result, () => theftLines(result, out));
      }));
}

function theftLines(r: TheftRunResult, out: Output): string[] {
  const lines = [out.t('risk.theft.summary', {
    runId: r.runId, meters: r.meters, batches: r.batches, stored: r.stored, confirmed: r.labels.confirmed, clear: r.labels.clear,
    supervised: r.supervisedBatches, cny: r.expectedRecoverableCny.toFixed(2), seconds: r.seconds.toFixed(1),
  })];
  const lang = out.options.lang;
  for (const e of r.top) lines.push(`  ${out.t('risk.theft.line', { rank: e.rank, customer: e.customerId, area: e.areaId, score: e.score.toFixed(3), summary: e.summary[lang] })}`);
  return lines;
}
