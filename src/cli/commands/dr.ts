import { Command, InvalidArgumentError } from 'commander';
import {
  drBaseline, drEventCreate, drEventList, drEventSimulate, drExport, drProgramCreate, drProgramList, drSettle, hhmm,
  type DrBaselineResult, type DrEventCreateResult, type DrEventSimulateResult, type DrSettleResult, type StoredProgram,
} from '../../jobs/dr.js';
import { dateOption, integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import type { Output } from '../output.js';

const f = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : v.toFixed(digits));

function numberOption(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new InvalidArgumentError(`expected a number ≥ ${min}, got "${value}"`);
    return n;
  };
}

/** `gridlens dr`: demand-response baselines, programmes, events, settlement and OpenADR export. */
export function drCommand(): Command {
  const dr = new Command('dr').description('demand response: baselines, programmes, events, settlement, OpenADR 3 export');
  dr.addCommand(baselineCommand());
  dr.addCommand(programCommand());
  dr.addCommand(eventCommand());
  withCommonOptions(dr.command('settle').description('settle an event: reduction × price per customer (floored at zero), penalties if configured'))
    .argument('<eventId>', 'event id')
    .action((eventId: string, flags: CommonFlags) => runCommand(flags, async ({ config, out }) => {
      const result = await drSettle(config, { eventId });
      out.result(result, () => settleLines(result, out));
    }));
  withCommonOptions(dr.command('export').description('export an event (programme, event, reports) as JSON'))
    .argument('<eventId>', 'event id')
    .option('--format <format>', 'openadr3', 'openadr3')
    .action((eventId: string, flags: CommonFlags & { format: string }) => runCommand(flags, async ({ config, out }) => {
      const doc = await drExport(config, { eventId, format: flags.format });
      out.result(doc, () => [JSON.stringify(doc, null, 2)]);
    }));
  return dr;
}

function baselineCommand(): Command {
  return withCommonOptions(new Command('baseline').description('a customer\'s baseline for a date and event window under one or every method'))
    .requiredOption('--customer <id>', 'customer id')
    .requiredOption('--date <date>', 'local date of the event, YYYY-MM-DD', dateOption)
    .option('--method <name>', 'baseline method (default: every method), e.g. caiso-10-in-10, pge-5-of-10, miso-10-day, ercot-middle-8-of-10')
    .option('--start <HH:MM>', 'event start, local time', '17:00')
    .option('--end <HH:MM>', 'event end, local time', '20:00')
    .action((flags: CommonFlags & { customer: string; date: string; method?: string; start: string; end: string }) => runCommand(flags, async ({ config, out }) => {
      const result = await drBaseline(config, { customerId: flags.customer, date: flags.date, method: flags.method, start: flags.start, end: flags.end });
      out.result(result, () => baselineLines(result, out));
    }));
}

function programCommand(): Command {
  const program = new Command('program').description('demand-response programmes');
  withCommonOptions(program.command('create').description('create a programme'))
    .requiredOption('--id <id>', 'programme id')
    .requiredOption('--name <name>', 'name (en)')
    .requiredOption('--name-zh <name>', 'name (zh-CN)')
    .option('--price <cny>', 'incentive in CNY per kWh (or per kW with --unit kw); default 2', numberOption(0))
    .option('--unit <unit>', 'kwh or kw')
    .option('--settlement <rule>', 'interval (floor each interval at zero) or event (floor the event total)')
    .option('--baseline <method>', 'baseline method that settles the events (default caiso-10-in-10)')
    .option('--penalty <cny>', 'non-performance penalty per kW of shortfall (default 0 = none)', numberOption(0))
    .option('--min-performance <share>', 'share of the committed kW below which the penalty applies (default 0.5)', numberOption(0))
    .option('--signal <type>', 'OpenADR payload: SIMPLE or PRICE')
    .action((flags: CommonFlags & { id: string; name: string; nameZh: string; price?: number; unit?: 'kwh' | 'kw'; settlement?: 'interval' | 'event'; baseline?: string; penalty?: number; minPerformance?: number; signal?: 'SIMPLE' | 'PRICE' }) =>
      runCommand(flags, async ({ config, out }) => {
        const p = await drProgramCreate(config, {
          programId: flags.id, name: flags.name, nameZh: flags.nameZh, priceCny: flags.price, priceUnit: flags.unit, settlement: flags.settlement,
          baselineMethod: flags.baseline, penaltyCnyPerKw: flags.penalty, minPerformance: flags.minPerformance, signal: flags.signal,
        });
        out.result(p, () => [out.t('dr.program.created', { id: p.programId, name: out.options.lang === 'zh-CN' ? p.nameZh : p.name, price: p.priceCny, unit: p.priceUnit === 'kwh' ? 'kWh' : 'kW', settlement: out.t(`dr.settlement.${p.settlement}`), baseline: p.baselineMethod })]);
      }));
  withCommonOptions(program.command('list').description('list programmes'))
    .action((flags: CommonFlags) => runCommand(flags, async ({ config, out }) => {
      const result = await drProgramList(config);
      out.result(result, () => (result.programs.length ? result.programs.map((p) => programLine(p, out)) : [out.t('dr.program.none')]));
    }));
  return program;
}

function eventCommand(): Command {
  const event = new Command('event').description('demand-response events: create (with targeting), list, simulate');
  withCommonOptions(event.command('create').description('create an event and target the customers with the most expected shiftable kW'))
    .requiredOption('--date <date>', 'local date, YYYY-MM-DD', dateOption)
    .option('--program <id>', 'programme (default DR-PEAK, created on first use)')
    .option('--start <HH:MM>', 'event start, local time', '17:00')
    .option('--end <HH:MM>', 'event end, local time', '20:00')
    .option('--targets <n>', 'customers to target (default 50)', integerOption(1, 10_000_000), 50)
    .option('--level <n>', 'OpenADR SIMPLE signal level 0–3 (default 2)', integerOption(0, 3), 2)
    .action((flags: CommonFlags & { date: string; program?: string; start: string; end: string; targets: number; level: number }) => runCommand(flags, async ({ config, out }) => {
      const result = await drEventCreate(config, { programId: flags.program, date: flags.date, start: flags.start, end: flags.end, targets: flags.targets, signalLevel: flags.level, onProgress: out.progress() });
      out.result(result, () => createLines(result, out));
    }));
  withCommonOptions(event.command('list').description('list events'))
    .option('--program <id>', 'only this programme')
    .action((flags: CommonFlags & { program?: string }) => runCommand(flags, async ({ config, out }) => {
      const result = await drEventList(config, { programId: flags.program });
      out.result(result, () => (result.events.length
        ? result.events.map((e) => out.t('dr.event.line', { event: e.eventId, date: e.localDate, start: hhmm(e.startMinute), end: hhmm(e.endMinute), program: e.programId, targets: e.targetCount, status: e.status }))
        : [out.t('dr.event.none')]));
    }));
  withCommonOptions(event.command('simulate').description('simulate the targeted customers\' response and measure it against every baseline'))
    .argument('<eventId>', 'event id')
    .option('--seed <n>', 'seed of the response model (default 42)', integerOption(0, 2 ** 31 - 1), 42)
    .action((eventId: string, flags: CommonFlags & { seed: number }) => runCommand(flags, async ({ config, out }) => {
      const result = await drEventSimulate(config, { eventId, seed: flags.seed, onProgress: out.progress() });
      out.result(result, () => simulateLines(result, out));
    }));
  return event;
}

function programLine(p: StoredProgram, out: Output): string {
  return out.t('dr.program.line', {
    id: p.programId, name: out.options.lang === 'zh-CN' ? p.nameZh : p.name, price: p.priceCny, unit: p.priceUnit === 'kwh' ? 'kWh' : 'kW', settlement: out.t(`dr.settlement.${p.settlement}`),
    baseline: p.baselineMethod, penalty: p.penaltyCnyPerKw, signal: p.signal,
  });
}

function baselineLines(r: DrBaselineResult, out: Output): string[] {
  const lines = [out.t('dr.baseline.title', { customer: r.customerId, date: r.date, start: r.window.start, end: r.window.end, zone: r.window.timeZone, kind: out.t(`dr.kind.${r.dayKind}`), interval: r.intervalMinutes })];
  if (r.excludedEventDays.length) lines.push(out.t('dr.baseline.excluded', { days: r.excludedEventDays.join(', ') }));
  for (const m of r.methods) {
    if (m.status === 'insufficient') {
      lines.push(m.reason === 'temperature' ? out.t('dr.baseline.noTemperature', { method: m.method }) : out.t('dr.baseline.insufficient', { method: m.method, found: m.eligibleDays ?? 0, required: m.required ?? 0 }));
      continue;
    }
    const a = m.adjustment;
    const adjustment = !a || a.kind === 'none' ? out.t('dr.baseline.none') : `${a.kind} ${f(a.applied, 3)}${a.capped ? out.t('dr.baseline.capped') : ''}`;
    lines.push(out.t('dr.baseline.method', { method: m.method, baseline: f(m.baselineKwh), actual: f(m.actualKwh), adjustment, days: m.days.join(' ') }));
  }
  return lines;
}

function createLines(r: DrEventCreateResult, out: Output): string[] {
  const e = r.event;
  return [
    out.t('dr.event.created', { event: e.eventId, program: e.programId, date: e.localDate, start: hhmm(e.startMinute), end: hhmm(e.endMinute), level: e.signalLevel, enrolled: r.enrolled, targets: r.targets.length, kw: f(r.expectedKw, 1), seconds: f(r.seconds, 1) }),
    ...r.targets.slice(0, 20).map((t) => out.t('dr.event.target', { rank: t.rank, customer: t.customerId, shiftable: f(t.shiftableKw), likelihood: f(t.responseLikelihood), score: f(t.scoreKw) })),
  ];
}

function simulateLines(r: DrEventSimulateResult, out: Output): string[] {
  return [
    out.t('dr.simulate.summary', { event: r.event.eventId, seed: r.seed, targeted: r.targeted, responded: r.responded, skipped: r.skipped.length, seconds: f(r.seconds, 1) }),
    '',
    out.t('dr.simulate.header'),
    ...r.methods.map((m) => [
      m.method.padEnd(24), String(m.customers).padStart(6), f(m.baselineKwh, 1).padStart(11), f(m.actualKwh, 1).padStart(11), f(m.reductionKwh, 1).padStart(13),
      f(m.simulatedReductionKwh, 1).padStart(15), (m.creditError === null ? '—' : `${(m.creditError * 100).toFixed(1)}%`).padStart(8),
    ].join(' ')),
    '',
    out.t('dr.simulate.programme', { method: r.program.baselineMethod, event: r.event.eventId }),
  ];
}

function settleLines(r: DrSettleResult, out: Output): string[] {
  return [
    out.t('dr.settle.summary', { event: r.event.eventId, method: r.method, kwh: f(r.totals.reductionKwh, 1), payment: f(r.totals.paymentCny), penalty: f(r.totals.penaltyCny), net: f(r.totals.netCny) }),
    ...r.customers.map((c) => out.t('dr.settle.line', { customer: c.customerId, baseline: f(c.baselineKwh), actual: f(c.actualKwh), kwh: f(c.reductionKwh), kw: f(c.reductionKw), payment: f(c.paymentCny), penalty: f(c.penaltyCny) })),
  ];
}
