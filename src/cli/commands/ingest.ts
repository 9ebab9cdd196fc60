import { Command, InvalidArgumentError, Option } from 'commander';
import { ingest, type IngestResult } from '../../jobs/ingest.js';
import type { Output } from '../output.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import { ingestMqttCommand } from './ingest-mqtt.js';

interface IngestFlags extends CommonFlags {
  readonly format: string;
  readonly mapping?: string;
  readonly encoding?: string;
  readonly timeZone?: string;
  readonly timeFormat?: string;
  readonly unit?: string;
  readonly interval?: number;
  readonly timestampAt?: string;
  readonly delimiter?: string;
  readonly columns?: Record<string, string>;
  readonly meterNo?: string;
  readonly registerMeters?: boolean;
  readonly table?: string;
  readonly allowNegativeImport?: boolean;
  readonly engine?: string;
}

const formats = ['auto', 'csv', 'csv-wide', 'parquet', 'green-button', 'jsonl', 'reference'];

function columnsOption(value: string): Record<string, string> {
  const pairs = value.split(',').map((p) => p.split('='));
  if (pairs.some((p) => p.length !== 2 || !p[0].trim() || !p[1].trim())) throw new InvalidArgumentError(`expected role=column pairs such as meter=customer_id,time=reading_datetime, got "${value}"`);
  return Object.fromEntries(pairs.map(([role, column]) => [role.trim(), column.trim()]));
}

export function ingestCommand(): Command {
  const command = withCommonOptions(new Command('ingest'))
    .description('ingest meter readings, events and reference data from files, directories or globs (.gz too)')
    .argument('<paths...>', 'files, directories or glob patterns')
    .addOption(new Option('--format <format>', 'source format').choices(formats).default('auto'))
    .option('--mapping <file>', 'JSON mapping file: format and connector options (columns, unit, timeZone, intervalMinutes, ...)')
    .addOption(new Option('--encoding <encoding>', 'text encoding (default: detect BOM / UTF-8 / GB18030)').choices(['auto', 'utf-8', 'gbk', 'gb18030', 'utf-16le', 'utf-16be']))
    .option('--time-zone <zone>', 'IANA time zone of wall-clock times in the files')
    .addOption(new Option('--time-format <order>', 'date field order').choices(['auto', 'ymd', 'dmy', 'mdy', 'epoch-s', 'epoch-ms']))
    .addOption(new Option('--unit <unit>', 'unit of energy values').choices(['Wh', 'kWh', 'MWh']))
    .option('--interval <minutes>', 'interval length in minutes', integerOption(1, 1440))
    .addOption(new Option('--timestamp-at <where>', 'timestamps mark interval start or end').choices(['start', 'end']))
    .option('--delimiter <char>', 'CSV field delimiter (default: detect)')
    .option('--columns <list>', 'column mapping, e.g. meter=customer_id,time=reading_datetime,value=general_supply_kwh', columnsOption)
    .option('--meter-no <no>', 'constant meter number for files of one meter or zone')
    .option('--register-meters', 'register unknown meters instead of quarantining their readings')
    .option('--table <table>', 'reference table of the files (default: from the file name)')
    .option('--allow-negative-import', 'store negative import values (for VEE to flag) instead of quarantining them')
    .addOption(new Option('--engine <engine>', 'who parses CSV: duckdb (bulk, UTF-8), js, or auto (duckdb where it applies)').choices(['auto', 'duckdb', 'js']))
    .addCommand(ingestMqttCommand());
  return command.action((paths: string[], flags: IngestFlags) =>
    runCommand(flags, async ({ config, out }) => {
      const result = await ingest(
        config,
        { paths, format: flags.format as never, mapping: flags.mapping, options: optionsOf(flags), allowNegativeImport: flags.allowNegativeImport },
        { onProgress: out.progress() },
      );
      out.done();
      out.result(result, () => summaryLines(result, out));
      if (result.totals.failed > 0) process.exitCode = 2;
    }),
  );
}

function optionsOf(flags: IngestFlags): Record<string, unknown> {
  return {
    encoding: flags.encoding, timeZone: flags.timeZone, timeFormat: flags.timeFormat, unit: flags.unit, intervalMinutes: flags.interval,
    timestampAt: flags.timestampAt, delimiter: flags.delimiter, columns: flags.columns, meterNo: flags.meterNo,
    registerMeters: flags.registerMeters, table: flags.table, engine: flags.engine,
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function summaryLines(result: IngestResult, out: Output): string[] {
  const lines = [out.t('ingest.header')];
  for (const f of result.files) {
    const status = out.t(`ingest.status.${f.status}`);
    lines.push(`  ${f.path}  [${f.source}] ${status}`);
    if (f.status === 'ingested') {
      lines.push(`    ${out.t('ingest.counts', { read: fmt(f.rowsRead), accepted: fmt(f.rowsAccepted), quarantined: fmt(f.rowsQuarantined), duplicates: fmt(f.rowsDuplicate), superseded: fmt(f.rowsSuperseded), rate: fmt(Math.round(f.rowsPerSecond)) })}`);
      for (const r of f.rejectSample) lines.push(`    ${f.path}:${r.line ?? r.messageId ?? '?'}: ${r.reason}`);
    } else if (f.reason) {
      lines.push(`    ${f.reason}`);
    }
  }
  for (const s of result.skipped) lines.push(`  ${s.path}  ${out.t('ingest.status.ignored')}: ${s.reason}`);
  const t = result.totals;
  lines.push('', out.t('ingest.total', {
    files: t.files, ingested: t.ingested, skipped: t.skipped, failed: t.failed, read: fmt(t.read), accepted: fmt(t.accepted),
    quarantined: fmt(t.quarantined), duplicates: fmt(t.duplicates), seconds: result.seconds.toFixed(1), rate: fmt(Math.round(result.rowsPerSecond)),
  }));
  if (t.quarantined > 0) lines.push(out.t('ingest.quarantineHint'));
  return lines;
}
