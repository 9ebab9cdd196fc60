import { Command } from 'commander';
import { runCredit, type CreditRunResult } from '../../../jobs/credit.js';
import { dateOption, integerOption, runCommand, withCommonOptions, type CommonFlags } from '../../common.js';
import type { Output } from '../../output.js';

interface CreditFlags extends CommonFlags {
  readonly asOf?: string;
  readonly minBads?: number;
}

/** `gridlens run credit`: credit rating of every customer, red/black lists and deposit recommendations. */
export function creditStepCommand(): Command {
  return withCommonOptions(new Command('credit').description('rate every customer (scorecard on the store\'s own payment history, else demerits), refresh red/black lists and deposits'))
    .option('--as-of <date>', 'rating day (default: the last day with bills or payments)', dateOption)
    .option('--min-bads <n>', 'observed defaults needed to train the scorecard (default 30)', integerOption(1, 1_000_000))
    .action((flags: CreditFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await runCredit(config, { asOf: flags.asOf, minBads: flags.minBads, onProgress: out.progress() });
        out.result(result, () => creditLines(result, out));
      }));
}

function creditLines(r: CreditRunResult, out: Output): string[] {
  const reason = out.t(r.model === 'scorecard' ? 'risk.credit.trained' : 'risk.credit.fallback', { bads: r.bads, rows: r.labelledRows, min: r.minBads });
  const lines = [out.t('risk.credit.summary', { runId: r.runId, asOf: r.asOf, customers: r.customers, model: r.modelVersion, reason, seconds: r.seconds.toFixed(1) })];
  if (r.holdout) lines.push(`  ${out.t('risk.credit.holdout', { from: r.holdout.testFrom, rows: r.holdout.testRows, auc: r.holdout.auc.toFixed(3), baseline: r.holdout.baselineAuc.toFixed(3) })}`);
  lines.push(`  ${out.t('risk.credit.grades', { grades: Object.entries(r.grades).map(([g, n]) => `${g} ${n}`).join(', '), cashOnly: r.cashOnly })}`);
  if (r.psi) lines.push(`  ${out.t('risk.credit.psi', { previous: r.psi.previousRunId, psi: r.psi.psi.toFixed(3), level: r.psi.level })}`);
  const l = r.lists;
  lines.push(`  ${out.t('risk.credit.lists', { red: l.red, black: l.black, added: l.added, renewed: l.renewed, expired: l.expired, kept: l.keptManual })}`);
  lines.push(`  ${out.t('risk.credit.deposits', { topUps: r.deposits.topUps, cny: r.deposits.topUpCny.toFixed(2), prepay: r.deposits.prepaymentRequired })}`);
  return lines;
}
