import { Command, InvalidArgumentError } from 'commander';
import { billFromFiles, billFromStore, type BillRunResult } from '../../jobs/bill.js';
import { ValidationError } from '../../core/errors.js';
import type { Output } from '../output.js';
import { dateOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';

interface BillFlags extends CommonFlags {
  readonly customer?: string;
  readonly tariff?: string;
  readonly load?: string;
  readonly from?: string;
  readonly to?: string;
  readonly timeZone?: string;
  readonly tierYearKwh?: number;
  readonly contractKva?: number;
  readonly lines?: boolean;
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a non-negative number, got "${value}"`);
  return n;
}

export function billCommand(): Command {
  return withCommonOptions(new Command('bill').description('itemised bills: a stored customer under a tariff, or a load file under a tariff file (no store needed)'))
    .option('--customer <id>', 'bill the stored validated readings of this customer')
    .option('--tariff <id|file>', 'stored tariff id, tariff JSON file (GridLens or URDB) or built-in demo id; default the customer\'s tariff')
    .option('--load <file.csv>', 'load file: "timestamp,kwh" at any interval dividing an hour, or "month,kwh"')
    .option('--from <date>', 'first local day billed (YYYY-MM-DD)', dateOption)
    .option('--to <date>', 'last local day billed, inclusive (YYYY-MM-DD)', dateOption)
    .option('--time-zone <tz>', 'time zone of a load file without offsets (default Asia/Shanghai)')
    .option('--tier-year-kwh <kwh>', 'load file: kWh of the tier year before --from (annual tiers)', nonNegative)
    .option('--contract-kva <kva>', 'load file: contract capacity for a capacity charge', nonNegative)
    .option('--lines', 'print every bill line (text output)', false)
    .action((flags: BillFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await run(flags, config);
        out.result(result, () => billLines(result, out, Boolean(flags.lines)));
      }));
}

async function run(flags: BillFlags, config: Parameters<typeof billFromStore>[0]): Promise<BillRunResult> {
  if (flags.load) {
    if (flags.customer) throw new ValidationError('give --customer or --load, not both');
    if (!flags.tariff) throw new ValidationError('--load needs --tariff FILE');
    return billFromFiles({ tariff: flags.tariff, load: flags.load, timeZone: flags.timeZone, from: flags.from, to: flags.to, tierYearKwhBefore: flags.tierYearKwh, contractKva: flags.contractKva });
  }
  if (!flags.customer) throw new ValidationError('give --customer ID (stored readings) or --tariff FILE --load FILE.csv');
  return billFromStore(config, { customer: flags.customer, tariff: flags.tariff, from: flags.from, to: flags.to });
}

const money = (v: number): string => v.toFixed(2);

function billLines(r: BillRunResult, out: Output, withLines: boolean): string[] {
  const zh = out.options.lang === 'zh-CN';
  const customer = r.customerId ? out.t('bill.customer', { customerId: r.customerId }) : '';
  const lines = [out.t('bill.header', { tariffId: r.tariff.tariffId, currency: r.tariff.currency, from: r.from, to: r.to, customer })];
  for (const p of r.periods) {
    lines.push(out.t('bill.period', { start: p.periodStart, end: p.periodEnd, kwh: p.kwh.toFixed(1), total: money(p.total), energy: money(p.energyCharge), coverage: (p.coverage * 100).toFixed(1) }));
    if (withLines) for (const l of p.lines) lines.push(`    ${money(l.amount).padStart(12)}  ${zh ? l.explanationZh : l.explanationEn}`);
  }
  const t = r.totals;
  lines.push(out.t('bill.totals', { kwh: t.kwh.toFixed(1), energy: money(t.energyCharge), demand: money(t.demandCharge), fixed: money(t.fixedCharge), funds: money(t.fundsCharge), total: money(t.total) }));
  for (const note of r.notes) lines.push(out.t('bill.note', { note }));
  return lines;
}
