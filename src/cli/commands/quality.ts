import { Command, Option } from 'commander';
import { qualityReport, type QualityReportResult } from '../../jobs/quality-report.js';
import type { Output } from '../output.js';
import { dateOption, integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';

interface QualityFlags extends CommonFlags {
  readonly by: 'source' | 'meter' | 'day' | 'area';
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

const TEXT_ROWS = 30;

export function qualityCommand(): Command {
  return withCommonOptions(new Command('quality'))
    .description('data-quality report: completeness, validity, timeliness, duplicates and estimated share')
    .addOption(new Option('--by <grouping>', 'one row per source, meter, local day or transformer area').choices(['source', 'meter', 'day', 'area']).default('meter'))
    .option('--from <date>', 'first local day (default: first day with readings)', dateOption)
    .option('--to <date>', 'last local day, included (default: last day with readings)', dateOption)
    .option('--limit <n>', 'rows to report (worst completeness first; days in order)', integerOption(1, 10_000_000))
    .action((flags: QualityFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const report = await qualityReport(config, { by: flags.by, from: flags.from, to: flags.to, limit: flags.limit });
        out.result(report, () => reportLines(report, out));
      }));
}

const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '-' : Math.round(v).toLocaleString('en-US'));

function reportLines(r: QualityReportResult, out: Output): string[] {
  const head = [out.t(`quality.by.${r.by}`), out.t('quality.expected'), out.t('quality.received'), out.t('quality.completeness'),
    out.t('quality.validity'), out.t('quality.estimated'), out.t('quality.duplicates'), out.t('quality.lag')];
  const row = (cells: string[]) => `  ${cells[0].padEnd(24)}${cells.slice(1).map((c) => c.padStart(12)).join('')}`;
  const lines = [out.t('quality.title', { from: r.from, to: r.to, zone: r.timeZone }), row(head)];
  for (const q of r.rows.slice(0, TEXT_ROWS)) {
    const name = q.label ? `${q.key} ${q.label}` : q.key;
    lines.push(row([name.slice(0, 23), num(q.expected), num(q.received), pct(q.completeness), pct(q.validity), pct(q.estimatedShare), num(q.duplicates), num(q.timelinessLagHours)]));
  }
  const more = Math.max(0, r.rows.length - TEXT_ROWS) + r.omitted;
  if (more > 0) lines.push(`  ${out.t('quality.more', { n: more })}`);
  const t = r.totals;
  lines.push(row([out.t('quality.total'), num(t.expected), num(t.received), pct(t.completeness), pct(t.validity), pct(t.estimatedShare), num(t.duplicates), '']));
  return [...lines, ...r.notes.map((n) => `  * ${out.t(`quality.note.${n.code}`, { n: n.count ?? 0 })}`)];
}
