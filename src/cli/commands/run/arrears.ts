import { Command } from 'commander';
import { runArrears, type ArrearsRunResult, type PdEvaluation } from '../../../jobs/arrears.js';
import { dateOption, integerOption, runCommand, withCommonOptions, type CommonFlags } from '../../common.js';
import type { Output } from '../../output.js';

interface ArrearsFlags extends CommonFlags {
  readonly asOf?: string;
  readonly top: number;
}

/** `gridlens run arrears`: probability of late payment and default, the collection work list and dunning plans. */
export function arrearsStepCommand(): Command {
  return withCommonOptions(new Command('arrears').description('score late payment and default next cycle, rank collections by expected loss, plan dunning steps'))
    .option('--as-of <date>', 'scoring day (default: the last day with bills or payments)', dateOption)
    .option('--top <n>', 'work-list entries to print (all are stored; default 20)', integerOption(1, 1_000_000), 20)
    .action((flags: ArrearsFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await runArrears(config, { asOf: flags.asOf, top: flags.top, onProgress: out.progress() });
        out.result(result, () => arrearsLines(result, out));
      }));
}

function evalLine(e: PdEvaluation | null, target: string, model: string, out: Output): string {
  if (!e) return `  ${out.t('risk.arrears.noEval', { target, model })}`;
  return `  ${out.t('risk.arrears.eval', { target, model, from: e.testFrom, rows: e.testRows, auc: e.auc.toFixed(3), baseline: e.baselineAuc.toFixed(3) })}`;
}

function arrearsLines(r: ArrearsRunResult, out: Output): string[] {
  const lines = [out.t('risk.arrears.summary', {
    runId: r.runId, asOf: r.asOf, customers: r.customers, inArrears: r.inArrears, outstanding: r.outstandingCny.toFixed(2), loss: r.expectedLossCny.toFixed(2),
    actions: r.plannedActions, seconds: r.seconds.toFixed(1),
  })];
  lines.push(evalLine(r.evaluation.late, 'late', r.model.late, out), evalLine(r.evaluation.default, 'default', r.model.default, out));
  if (r.workList.length) lines.push(out.t('risk.arrears.header'));
  for (const w of r.workList) {
    const next = w.plan.find((p) => p.status !== 'past') ?? w.plan[w.plan.length - 1];
    lines.push(`  ${out.t('risk.arrears.line', {
      rank: w.rank, customer: w.customerId, outstanding: w.outstandingCny.toFixed(2), dpd: w.daysPastDue, pd: w.pdDefault.toFixed(2), loss: w.expectedLossCny.toFixed(2),
      next: next ? `${out.t(`risk.action.${next.action}`)} ${next.date}` : '-',
    })}`);
  }
  return lines;
}
