import { Command, InvalidArgumentError } from 'commander';
import {
  riskInspect, riskList, riskOverview, riskWarn, RISK_LIST_KINDS, type InspectResult, type RiskListKind, type RiskListResult, type RiskOverview, type WarnResult,
} from '../../jobs/risk.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import type { Output } from '../output.js';

interface ListFlags extends CommonFlags {
  readonly kind: RiskListKind;
  readonly top: number;
}

interface InspectFlags extends CommonFlags {
  readonly outcome: 'confirmed' | 'clear';
  readonly note?: string;
  readonly meter?: number;
  readonly inspector?: string;
  readonly recovered?: number;
}

function choice<T extends string>(values: readonly T[]) {
  return (value: string): T => {
    if (!values.includes(value as T)) throw new InvalidArgumentError(`expected one of ${values.join(', ')}, got "${value}"`);
    return value as T;
  };
}

function amount(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected an amount of CNY (>= 0), got "${value}"`);
  return n;
}

/** `gridlens risk`: ranked risk lists, inspection outcomes, early warnings and the dashboard overview. */
export function riskCommand(): Command {
  const risk = new Command('risk').description('risk operations: ranked lists with evidence, inspection outcomes, early warnings');
  withCommonOptions(risk.command('list').description('the latest ranked list: theft inspections (with evidence), arrears work list or credit ratings'))
    .option('--kind <kind>', 'theft, arrears or credit (default theft)', choice(RISK_LIST_KINDS), 'theft')
    .option('--top <n>', 'entries (default 100)', integerOption(1, 1_000_000), 100)
    .action((flags: ListFlags) => runCommand(flags, async ({ config, out }) => {
      const result = await riskList(config, { kind: flags.kind, top: flags.top });
      out.result(result, () => listLines(result, out));
    }));
  withCommonOptions(risk.command('inspect').description('record a field inspection outcome; it labels the next theft run and a confirmed theft black-lists the customer'))
    .argument('<customerId>', 'customer inspected')
    .requiredOption('--outcome <outcome>', 'confirmed or clear', choice(['confirmed', 'clear'] as const))
    .option('--note <text>', 'what the inspector found')
    .option('--meter <id>', 'the meter inspected (default: every meter of the customer)', integerOption(0, 2 ** 31 - 1))
    .option('--inspector <name>', 'who inspected (default: the operating-system user)')
    .option('--recovered <cny>', 'money recovered (CNY)', amount)
    .action((customerId: string, flags: InspectFlags) => runCommand(flags, async ({ config, out }) => {
      const result = await riskInspect(config, { customerId, outcome: flags.outcome, note: flags.note, meterId: flags.meter, inspector: flags.inspector, recoveredCny: flags.recovered });
      out.result(result, () => inspectLines(result, out));
    }));
  withCommonOptions(risk.command('warn').description('raise tiered early warnings (customer, area, region) from the latest runs'))
    .option('--top <n>', 'alerts to print, most severe first (default 20)', integerOption(1, 1_000_000), 20)
    .action((flags: CommonFlags & { top: number }) => runCommand(flags, async ({ config, out }) => {
      const result = await riskWarn(config, { top: flags.top });
      out.result(result, () => warnLines(result, out));
    }));
  withCommonOptions(risk.command('overview').description('the numbers of the risk dashboard'))
    .action((flags: CommonFlags) => runCommand(flags, async ({ config, out }) => {
      const result = await riskOverview(config);
      out.result(result, () => overviewLines(result, out));
    }));
  return risk;
}

const money = (v: unknown) => Number(v).toFixed(2);

function listLines(r: RiskListResult, out: Output): string[] {
  if (r.runId === null) return [out.t('risk.list.empty', { kind: r.kind })];
  const lines = [out.t('risk.list.header', { kind: r.kind, runId: r.runId, asOf: r.asOf ?? '', n: r.entries.length })];
  const lang = out.options.lang;
  for (const e of r.entries) {
    if (r.kind === 'theft') {
      const summary = (e.evidence as { summary?: Record<string, string> } | null)?.summary?.[lang] ?? '';
      lines.push(`  ${out.t('risk.theft.line', { rank: String(e.rank), customer: String(e.customerId), area: String(e.areaId), score: Number(e.score).toFixed(3), summary })}`);
    } else if (r.kind === 'arrears') {
      const plan = (e.plan as { action: string; date: string; status: string }[]) ?? [];
      const next = plan.find((p) => p.status !== 'past') ?? plan[plan.length - 1];
      lines.push(`  ${out.t('risk.arrears.line', {
        rank: String(e.rank), customer: String(e.customerId), outstanding: money(e.outstandingCny), dpd: String(e.daysPastDue), pd: Number(e.pdDefault).toFixed(2),
        loss: money(e.expectedLossCny), next: next ? `${out.t(`risk.action.${next.action}`)} ${next.date}` : '-',
      })}`);
    } else {
      const reasons = ((e.reasons as { code: string }[]) ?? []).map((x) => x.code).join(' ');
      lines.push(`  ${String(e.rank)}. ${String(e.customerId)} ${Number(e.score).toFixed(0)} ${String(e.grade)} ${reasons}`);
    }
  }
  return lines;
}

function inspectLines(r: InspectResult, out: Output): string[] {
  const lines = [out.t('risk.inspect.recorded', { customer: r.recorded.customerId, outcome: r.recorded.outcome, inspector: r.recorded.inspector, confirmed: r.labels.confirmed, clear: r.labels.clear })];
  if (r.list) lines.push(out.t('risk.inspect.black'));
  return lines;
}

function warnLines(r: WarnResult, out: Output): string[] {
  const s = r.bySeverity;
  return [out.t('risk.warn.summary', { runId: r.runId, alerts: r.alerts, red: s.red ?? 0, orange: s.orange ?? 0, yellow: s.yellow ?? 0 }), ...r.top.map((a) => `  ${a.message[out.options.lang]}`)];
}

const pairs = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${k} ${n}`).join(', ') || '-';

function overviewLines(r: RiskOverview, out: Output): string[] {
  return [
    out.t('risk.overview.alerts', { total: r.alerts.total, levels: pairs(r.alerts.byLevel), kinds: pairs(r.alerts.byKind) }),
    out.t('risk.overview.grades', { grades: pairs(r.grades) }),
    out.t('risk.overview.arrears', { n: r.arrears.inArrears, cny: r.arrears.outstandingCny.toFixed(2), loss: r.arrears.expectedLossCny.toFixed(2) }),
    out.t('risk.overview.theft', { high: r.theft.highScore, cny: r.theft.recoverableCny.toFixed(2), confirmed: r.theft.inspections.confirmed, clear: r.theft.inspections.clear }),
    out.t('risk.overview.lists', { red: r.lists.red, black: r.lists.black }),
    out.t('risk.overview.areas'),
    ...r.topAreas.map((a) => `  ${a.areaId} ${(a.recentRate * 100).toFixed(2)}% ${Math.round(a.lossKwh)} kWh ${out.t(a.flagged ? 'risk.flagged' : 'risk.normal')}`),
  ];
}
