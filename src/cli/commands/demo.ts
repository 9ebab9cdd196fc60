import { Command } from 'commander';
import { createDemo } from '../../jobs/create-demo.js';
import { runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import { synthRequestOf, withSynthOptions, type SynthFlags } from './synth-flags.js';

export function demoCommand(): Command {
  const command = withSynthOptions(withCommonOptions(new Command('demo')))
    .description('create the realistic demo utility in the store')
    .option('--force', 'replace existing data in the store', false);
  return command.action((flags: CommonFlags & SynthFlags & { force: boolean }) =>
    runCommand(flags, async ({ config, out }) => {
      const result = await createDemo(config, { ...synthRequestOf(flags), threads: config.threads }, { force: flags.force, onProgress: out.progress() });
      out.done();
      out.result(result, () =>
        result.created
          ? [out.t('demo.created', { db: config.db, customers: result.options.customers, days: result.options.days, interval: result.options.intervalMinutes, seconds: result.seconds.toFixed(1) }),
            ...result.tables.map((t) => `  ${t.table.padEnd(24)} ${t.rows.toLocaleString('en-US').padStart(14)}`)]
          : [out.t('demo.exists', { db: config.db, readings: result.readings.toLocaleString('en-US') })],
      );
    }),
  );
}
