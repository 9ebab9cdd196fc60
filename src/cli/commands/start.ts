import { Command } from 'commander';
import { createDemo } from '../../jobs/create-demo.js';
import { dbInfo } from '../../jobs/db-info.js';
import { runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import { summaryLines } from './db.js';

/** What `npm start` runs: the demo utility if the store is empty, then its summary. */
export function startCommand(): Command {
  return withCommonOptions(new Command('start'))
    .description('create the demo utility if the store has none, then print its summary')
    .action((flags: CommonFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const demo = await createDemo(config, { threads: config.threads }, { force: false, onProgress: out.progress() });
        out.done();
        if (demo.created) out.info(out.t('demo.created', { db: config.db, customers: demo.options.customers, days: demo.options.days, interval: demo.options.intervalMinutes, seconds: demo.seconds.toFixed(1) }));
        const info = await dbInfo(config);
        out.result({ demo, info }, () => [...summaryLines(info, out), '', out.t('start.next')]);
      }),
    );
}
