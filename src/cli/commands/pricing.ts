import { Command, InvalidArgumentError } from 'commander';
import { pricingSimulate, type PricingJobResult } from '../../jobs/pricing.js';
import type { Output } from '../output.js';
import { runCommand, withCommonOptions, type CommonFlags } from '../common.js';

interface SimulateFlags extends CommonFlags {
  readonly tariff: string;
  readonly class?: string;
  readonly district?: string;
  readonly segment?: string;
  readonly by?: 'class' | 'district' | 'segment';
  readonly elasticity?: string;
  readonly revenueNeutral?: boolean;
  readonly ratio?: number;
  readonly customers?: boolean;
}

function ratioOption(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 20) throw new InvalidArgumentError(`expected a peak/valley ratio from 1 to 20, got "${value}"`);
  return n;
}

function byOption(value: string): 'class' | 'district' | 'segment' {
  if (value !== 'class' && value !== 'district' && value !== 'segment') throw new InvalidArgumentError(`expected class, district or segment, got "${value}"`);
  return value;
}

export function pricingCommand(): Command {
  const pricing = new Command('pricing').description('population pricing simulation for the marketing department');
  withCommonOptions(pricing.command('simulate').description('apply a candidate tariff to a population: revenue, bill changes by segment, system peak, revenue-neutral TOU prices'))
    .requiredOption('--tariff <file|id>', 'candidate tariff: JSON file, stored id or built-in demo id')
    .option('--class <class>', 'customer class in scope (default: the candidate tariff\'s class)')
    .option('--district <district>', 'only customers of this district')
    .option('--segment <segment>', 'only customers of this load-shape segment (needs gridlens segments)')
    .option('--by <dimension>', 'breakdown: class, district or segment (default class)', byOption)
    .option('--elasticity <spec>', 'own and cross price elasticities, e.g. peak=-0.2,valley=-0.05,cross=0.08,default=-0.1 (default default=-0.1,cross=0.05)')
    .option('--revenue-neutral', 'solve the revenue-neutral TOU price set', false)
    .option('--ratio <r>', 'peak/valley price ratio of the revenue-neutral set (default 4, NDRC 2021 No. 1093)', ratioOption)
    .option('--customers', 'with --json, include every customer\'s bills', false)
    .action((flags: SimulateFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const ratio = flags.revenueNeutral || flags.ratio !== undefined ? flags.ratio ?? 4 : undefined;
        const result = await pricingSimulate(config, {
          tariff: flags.tariff, customerClass: flags.class, district: flags.district, segment: flags.segment, by: flags.by,
          elasticity: flags.elasticity, revenueNeutralRatio: ratio,
        });
        const shown = flags.customers ? result : { ...result, perCustomer: undefined };
        out.result(shown, () => lines(result, out));
      }));
  return pricing;
}

const money = (v: number): string => v.toFixed(2);

function lines(r: PricingJobResult, out: Output): string[] {
  const p = r.billChanges.percentiles;
  const text = [
    out.t('pricing.header', { tariffId: r.candidateTariffId, customers: r.customers, from: r.window.from, to: r.window.to, scope: r.scope }),
    out.t('pricing.revenue', { current: money(r.revenue.current), candidate: money(r.revenue.candidateStatic), responsive: money(r.revenue.candidate), change: money(r.revenue.change), pct: r.revenue.changePct.toFixed(2) }),
    out.t('pricing.bills', { winners: r.billChanges.winners, losers: r.billChanges.losers, p10: money(p.p10), p50: money(p.p50), p90: money(p.p90) }),
    out.t('pricing.peak', { before: r.systemPeak.beforeKw.toFixed(1), after: r.systemPeak.afterKw.toFixed(1), pct: r.systemPeak.changePct.toFixed(2) }),
    ...r.bySegment.map((s) => out.t('pricing.segment', { segment: s.segment, customers: s.customers, change: money(s.change), median: money(s.medianChange), losers: s.losers })),
  ];
  const n = r.revenueNeutral;
  if (n) text.push(out.t('pricing.neutral', { ratio: n.ratio, error: money(n.error), prices: n.prices.map((x) => x.toFixed(4)).join(' / ') }));
  return text;
}
