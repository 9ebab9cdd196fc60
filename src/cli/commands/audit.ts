import { Command } from 'commander';
import { auditVerify } from '../../jobs/audit.js';
import { runCommand, withCommonOptions, type CommonFlags } from '../common.js';

/** `gridlens audit verify`: recomputes the hash chain; exit code 1 when an entry was changed or removed. */
export function auditCommand(): Command {
  const audit = new Command('audit').description('the tamper-evident audit log');
  withCommonOptions(audit.command('verify').description('check the audit log hash chain'))
    .action((flags: CommonFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await auditVerify(config);
        out.result(result, () => [result.firstBadEntry
          ? out.t('platform.audit.bad', { seq: result.firstBadEntry.seq, reason: result.firstBadEntry.reason, entries: result.entries })
          : out.t('platform.audit.ok', { entries: result.entries, headHash: result.headHash })]);
        if (!result.ok) process.exitCode = 1;
      }));
  return audit;
}
