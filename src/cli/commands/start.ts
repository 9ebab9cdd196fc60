import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { startServer } from '../../api/server.js';
import { dbInfo } from '../../jobs/db-info.js';
import type { StepResult } from '../../jobs/pipeline.js';
import { prepareStart, type StartPreparation } from '../../jobs/start.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import type { Output } from '../output.js';
import { summaryLines } from './db.js';
import { synthRequestOf, withSynthOptions, type SynthFlags } from './synth-flags.js';

/** The built dashboard: web/dist beside src/ and dist/ (this file is three levels below the root). */
export const dashboardRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

interface StartFlags extends CommonFlags, SynthFlags {
  readonly serve: boolean;
  readonly port: number;
  readonly host: string;
  readonly rerun: boolean;
  readonly pipeline: boolean;
  readonly steps?: string[];
}

function stepLine(out: Output, r: StepResult, i: number, n: number): string {
  const vars = { i: i + 1, n, label: out.t(`pipeline.step.${r.id}`), seconds: r.seconds.toFixed(1), error: r.error ?? '' };
  return out.t(`start.step.${r.status}`, vars);
}

function pipelineLines(out: Output, prepared: StartPreparation): string[] {
  const p = prepared.pipeline;
  if (!p) return [];
  if (p.steps.length === 0) return [out.t('start.pipeline.none')];
  const count = (s: StepResult['status']) => p.steps.filter((r) => r.status === s).length;
  const lines = [out.t('start.pipeline.summary', { done: count('done'), skipped: count('skipped'), failed: count('failed'), seconds: p.seconds.toFixed(1) })];
  if (p.failed > 0) lines.push(out.t('start.pipeline.failed'));
  return lines;
}

function adminLine(out: Output, admin: StartPreparation['admin']): string {
  return admin.password ? out.t('start.admin.created', { username: admin.username, password: admin.password }) : out.t('start.admin.exists', { username: admin.username });
}

/** Runs the preparation with a progress display: one line per pipeline step on stderr, bars for long phases. */
async function prepareWithProgress(flags: StartFlags, config: Parameters<typeof prepareStart>[0], out: Output): Promise<StartPreparation> {
  const onProgress = out.progress();
  return prepareStart(config, {
    demo: { ...synthRequestOf(flags), threads: config.threads },
    skipPipeline: !flags.pipeline,
    force: flags.rerun,
    only: flags.steps,
    onProgress,
    onPhase: (phase, result) => {
      out.done();
      const demo = result as StartPreparation['demo'];
      if (phase === 'demo' && demo?.created) {
        out.info(out.t('demo.created', { db: config.db, customers: demo.options.customers, days: demo.options.days, interval: demo.options.intervalMinutes, seconds: demo.seconds.toFixed(1) }));
      }
    },
    onStepStart: (step, i, n) => out.info(out.t('start.step.begin', { i: i + 1, n, label: out.t(`pipeline.step.${step.id}`) })),
    onStepEnd: (r, i, n) => {
      out.done();
      out.info(stepLine(out, r, i, n));
    },
  });
}

/** `npm start`: demo store if empty, analytics pipeline, first admin, then the dashboard and API on one port. */
export function startCommand(): Command {
  return withSynthOptions(withCommonOptions(new Command('start')))
    .description('create the demo utility if the store has none, run the analytics pipeline, then serve the dashboard and API')
    .option('--no-serve', 'prepare the store and exit (scripts, CI)')
    .option('--port <n>', 'port to listen on (0 = any free port)', integerOption(0, 65535), 8080)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--rerun', 're-run analytics steps whose results already exist', false)
    .option('--no-pipeline', 'skip the analytics pipeline')
    .option('--steps <ids>', 'run only these pipeline steps (comma-separated ids, e.g. features,segments)', (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .action((flags: StartFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const prepared = await prepareWithProgress(flags, config, out);
        if (!flags.serve) {
          const info = await dbInfo(config);
          out.result({ ...prepared, info }, () => [...summaryLines(info, out), '', ...pipelineLines(out, prepared), adminLine(out, prepared.admin), out.t('start.ready')]);
          return;
        }
        for (const line of pipelineLines(out, prepared)) out.info(line);
        const hasDashboard = existsSync(dashboardRoot);
        if (!hasDashboard) out.info(out.t('start.noDashboard'));
        const server = await startServer(config, { port: flags.port, host: flags.host, webRoot: hasDashboard ? dashboardRoot : null });
        const stop = () => void server.close().finally(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const docs = `${server.url}/api/v1/docs`;
        out.result({ url: server.url, docs, dashboard: hasDashboard, admin: prepared.admin, demo: prepared.demo ? { created: prepared.demo.created, options: prepared.demo.options } : { created: false }, pipeline: prepared.pipeline }, () => [
          '', out.t('start.url', { url: server.url }), out.t('start.docs', { url: docs }), adminLine(out, prepared.admin), out.t('start.stop'),
        ]);
      }),
    );
}
