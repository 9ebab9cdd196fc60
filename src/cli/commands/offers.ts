import { Command } from 'commander';
import { offersList, offersRun, type OffersRunResult } from '../../jobs/offers.js';
import { offerSavings, type SavingsJobResult } from '../../jobs/tariff-savings.js';
import type { Output } from '../output.js';
import { dateOption, integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';

interface RunFlags extends CommonFlags { readonly customers?: string; readonly minDays?: number; readonly all?: boolean }
interface ListFlags extends CommonFlags { readonly customer?: string; readonly kind?: string; readonly limit: number }
interface SavingsFlags extends CommonFlags { readonly customer: string; readonly intervention: string; readonly to?: string }

export function offersCommand(): Command {
  const offers = new Command('offers').description('personalised offers: rate comparison, load-shift advice, energy efficiency; CalTRACK savings');
  withCommonOptions(offers.command('run').description('compare every eligible tariff on the last 12 months of each customer and write offers'))
    .option('--customers <ids>', 'comma-separated customer ids (default: every active customer)')
    .option('--min-days <n>', 'coverage gate: days with 75% of reads needed (default 270)', integerOption(1, 366))
    .option('--all', 'with --json, list every customer (default: the first 50)', false)
    .action((flags: RunFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await offersRun(config, { customers: flags.customers?.split(',').map((s) => s.trim()).filter(Boolean), minGoodDays: flags.minDays });
        const shown = flags.all ? result : { ...result, results: result.results.slice(0, 50), resultsShown: Math.min(50, result.results.length) };
        out.result(shown, () => runLines(result, out));
      }));
  withCommonOptions(offers.command('list').description('offers of the latest run, largest savings first'))
    .option('--customer <id>', 'only this customer')
    .option('--kind <kind>', 'rate, load_shift or efficiency')
    .option('--limit <n>', 'offers to list (default 20)', integerOption(1, 100_000), 20)
    .action((flags: ListFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await offersList(config, { customer: flags.customer, kind: flags.kind, limit: flags.limit });
        const zh = out.options.lang === 'zh-CN';
        out.result(result, () => result.offers.map((o) => `${o.customerId} [${o.kind}] ${o.savingsCny.toFixed(2)} ${o.currency} (${o.confidenceLevel})  ${zh ? o.textZh : o.textEn}`));
      }));
  withCommonOptions(offers.command('savings').description('CalTRACK avoided energy use of a customer after taking an offer'))
    .requiredOption('--customer <id>', 'the customer')
    .requiredOption('--intervention <date>', 'first day after the offer was taken (YYYY-MM-DD)', dateOption)
    .option('--to <date>', 'last day of the reporting period (default: the last reading day)', dateOption)
    .action((flags: SavingsFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await offerSavings(config, { customer: flags.customer, intervention: flags.intervention, to: flags.to });
        out.result(result, () => savingsLines(result, out));
      }));
  return offers;
}

function runLines(r: OffersRunResult, out: Output): string[] {
  const zh = out.options.lang === 'zh-CN';
  const lines = [out.t('offers.summary', {
    customers: r.customers, from: r.window.from, to: r.window.to, eligible: r.eligible, offers: r.offers.total,
    rate: r.offers.rate, shift: r.offers.load_shift, efficiency: r.offers.efficiency, seconds: r.seconds.toFixed(1),
  })];
  const gated = Object.entries(r.gated);
  if (gated.length) lines.push(out.t('offers.gated', { n: r.customers - r.eligible, reasons: gated.map(([k, v]) => `${k} ${v}`).join(', ') }));
  const top = r.results.flatMap((c) => c.offers.map((o) => ({ c, o }))).sort((a, b) => b.o.savingsCny - a.o.savingsCny).slice(0, 10);
  if (top.length) lines.push(out.t('offers.top'));
  for (const { c, o } of top) lines.push(`  ${c.customerId} [${o.kind}] ${zh ? o.textZh : o.textEn}`);
  return lines;
}

function savingsLines(r: SavingsJobResult, out: Output): string[] {
  const m = r.model;
  return [
    out.t('offers.savings.periods', { customer: r.customerId, bFrom: r.baseline.from, bTo: r.baseline.to, bDays: r.baselineDays, rFrom: r.reporting.from, rTo: r.reporting.to, rDays: r.reportingDays }),
    out.t('offers.savings.model', { type: m.type, intercept: m.intercept.toFixed(2), bh: m.betaHdd.toFixed(3), bpH: m.balanceHddC, bc: m.betaCdd.toFixed(3), bpC: m.balanceCddC, r2: m.adjR2.toFixed(3), cv: (m.cvrmse * 100).toFixed(1) }),
    out.t('offers.savings.result', {
      cf: r.counterfactualKwh.toFixed(0), actual: r.actualKwh.toFixed(0), avoided: r.avoidedKwh.toFixed(0), u: r.uncertaintyKwh.toFixed(0),
      pct: (r.savingsFraction * 100).toFixed(1), conf: r.confidence * 100, fsu: (r.fsu * 100).toFixed(0),
    }),
  ];
}
