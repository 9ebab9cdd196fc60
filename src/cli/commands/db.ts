import { Command } from 'commander';
import { dbInfo, type DbInfo } from '../../jobs/db-info.js';
import type { Output } from '../output.js';
import { runCommand, withCommonOptions, type CommonFlags } from '../common.js';

export function summaryLines(info: DbInfo, out: Output): string[] {
  const lines = [out.t('summary.title', { db: info.path }), ''];
  const width = Math.max(...info.tables.map((t) => t.table.length), 8);
  lines.push(`  ${out.t('summary.table').padEnd(width)}  ${out.t('summary.rows').padStart(14)}`);
  for (const t of info.tables) lines.push(`  ${t.table.padEnd(width)}  ${t.rows.toLocaleString('en-US').padStart(14)}`);
  lines.push('');
  if (info.readingsRange) lines.push(out.t('summary.range', info.readingsRange));
  if (info.fileBytes !== null) lines.push(out.t('summary.size', { mb: (info.fileBytes / 1e6).toFixed(1), version: info.schemaVersion }));
  return lines;
}

export function dbCommand(): Command {
  const db = new Command('db').description('inspect the store');
  withCommonOptions(db.command('info').description('schema version, row counts per table and readings range')).action(
    (flags: CommonFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const info = await dbInfo(config);
        out.result(info, () => summaryLines(info, out));
      }),
  );
  return db;
}
