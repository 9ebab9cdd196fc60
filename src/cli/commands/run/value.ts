import { Command } from 'commander';
import { runValue, type ValueResult } from '../../../jobs/value.js';
import type { Lang } from '../../../core/i18n/index.js';
import { dateOption, runCommand, withCommonOptions, type CommonFlags } from '../../common.js';
import type { Output } from '../../output.js';

interface ValueFlags extends CommonFlags {
  readonly from?: string;
  readonly to?: string;
}

const cny = (v: number) => Math.round(v).toLocaleString('en');

/** `gridlens run value`: value tiers with explanations. */
export function valueStepCommand(): Command {
  return withCommonOptions(new Command('value'))
    .description('assess every customer: profitability (revenue − energy purchase − cost to serve), loyalty and risk, into value tiers with explanations')
    .option('--from <date>', 'first day of the window (default: first billed day)', dateOption)
    .option('--to <date>', 'last day of the window (default: last billed day)', dateOption)
    .action((flags: ValueFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await runValue(config, { from: flags.from, to: flags.to }, undefined, out.progress());
        out.result(result, () => lines(result, out, config.lang));
      }));
}

function lines(r: ValueResult, out: Output, lang: Lang): string[] {
  return [
    out.t('marketing.value.head', { runId: r.runId, customers: r.customers, from: r.from, to: r.to, risk: out.t(`marketing.value.risk.${r.riskSource}`), seconds: r.seconds.toFixed(1) }),
    out.t('marketing.value.totals', { revenue: cny(r.totals.revenueCny), energy: cny(r.totals.energyCostCny), service: cny(r.totals.serviceCostCny), margin: cny(r.totals.marginCny) }),
    ...r.tiers.map((t) => `  ${out.t('marketing.value.tier', { label: t.label[lang], customers: t.customers, margin: cny(t.marginCny) })}`),
    out.t('marketing.value.examples'),
    ...r.examples.map((e) => `  ${e.customerId}: ${e.explanation[lang]}`),
  ];
}
