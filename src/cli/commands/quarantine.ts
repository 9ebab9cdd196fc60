import { Command, Option } from 'commander';
import { quarantineList, quarantineReplay, quarantineShow } from '../../jobs/quarantine.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';

interface ListFlags extends CommonFlags {
  readonly status?: 'open' | 'replayed';
  readonly file?: string;
  readonly reason?: string;
  readonly limit: number;
}

const line = (e: { quarantine_id: number; path: string; line: number | null; message_id: string | null; reason: string; status: string }) =>
  `  #${e.quarantine_id}  ${e.path}:${e.line ?? e.message_id ?? '?'}  ${e.reason}  [${e.status}]`;

export function quarantineCommand(): Command {
  const command = new Command('quarantine').description('inspect and replay rejected records');
  withCommonOptions(command.command('list').description('quarantined records: counts by reason and the newest entries'))
    .addOption(new Option('--status <status>', 'open or replayed').choices(['open', 'replayed']))
    .option('--file <path>', 'only records of this file (as ingested)')
    .option('--reason <code>', 'only this reason code (unknown_meter, malformed, future_timestamp, ...)')
    .option('--limit <n>', 'entries to show (default 20)', integerOption(1, 1_000_000), 20)
    .action((flags: ListFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await quarantineList(config, { status: flags.status, file: flags.file, reasonCode: flags.reason, limit: flags.limit });
        out.result(result, () => [
          out.t('quarantine.counts'),
          ...result.counts.map((c) => `  ${c.status.padEnd(9)} ${c.reason_code.padEnd(18)} ${c.n.toLocaleString('en-US').padStart(10)}`),
          '', ...result.entries.map(line),
        ]);
      }));
  withCommonOptions(command.command('show').description('one quarantined record with its raw text').argument('<id>', 'quarantine id', integerOption(1, Number.MAX_SAFE_INTEGER)))
    .action((id: number, flags: CommonFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const entry = await quarantineShow(config, id);
        out.result(entry, () => [line(entry), `  ${out.t('quarantine.reasonCode')}: ${entry.reason_code}`, `  ${out.t('quarantine.raw')}: ${entry.raw}`,
          ...(entry.record ? [`  ${out.t('quarantine.record')}: ${JSON.stringify(entry.record)}`] : [])]);
      }));
  withCommonOptions(command.command('replay').description('re-validate open quarantined readings (e.g. after adding a missing meter) and store those that pass'))
    .option('--id <id...>', 'only these quarantine ids')
    .action((flags: CommonFlags & { id?: string[] }) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await quarantineReplay(config, { ids: flags.id?.map(Number) });
        out.result(result, () => [
          out.t('quarantine.replayed', { examined: result.examined, replayed: result.replayed, failing: result.stillFailing, inserted: result.inserted }),
          ...Object.entries(result.failingByReason).map(([code, n]) => `  ${code}: ${n}`),
          ...(result.notReplayable ? [out.t('quarantine.notReplayable', { n: result.notReplayable })] : []),
        ]);
      }));
  return command;
}
