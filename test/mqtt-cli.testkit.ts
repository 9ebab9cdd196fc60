import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import { BROKER_URL } from './mosquitto-broker.testkit.js';

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `gridlens ingest mqtt` as a separate process against a DuckDB file holding `meters`, on topics
 * `<tag>/meters/<meterNo>/readings` with the persistent session `<tag>-ingest`.
 */
export async function gridlensCli(options: { dir: string; tag: string; meters: readonly string[] }) {
  const db = join(options.dir, 'store.duckdb');
  const wh = await openDuckDb(db);
  await migrate(wh);
  for (const [i, meterNo] of options.meters.entries()) {
    await wh.run("INSERT INTO meters VALUES (?, ?, ?, 'TA1', 1, 15, 'import', 1, '2020-01-01')", [i + 1, meterNo, `C${i + 1}`]);
  }
  await wh.close();
  const root = `${options.tag}/meters`;
  const base = ['--import', 'tsx', 'src/cli/main.ts', 'ingest', 'mqtt', '--url', BROKER_URL, '--topic', `${root}/+/readings`,
    '--client-id', `${options.tag}-ingest`, '--db', db, '--lang', 'en', '--stats-seconds', '1'];

  const start = (args: readonly string[]) => {
    const child = spawn(process.execPath, [...base, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<CliRun>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
    return { child, exited, stderr: () => stderr };
  };

  return {
    root,
    /** Runs until the process exits by itself. */
    run: (args: readonly string[]) => start(args).exited,
    /** Starts, publishes once subscribed, gives delivery a moment, then sends `signal`. */
    async runUntilReceived(args: readonly string[], publish: () => Promise<unknown>, signal: NodeJS.Signals): Promise<CliRun> {
      const p = start(args);
      const deadline = Date.now() + 30_000;
      while (!/Subscribed to|session resumed/.test(p.stderr()) && Date.now() < deadline) await sleep(50);
      await publish();
      await sleep(1_500);
      p.child.kill(signal);
      return p.exited;
    },
    async storedReadings(): Promise<number> {
      const store = await openDuckDb(db);
      try {
        const [{ n }] = await store.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM readings');
        return n;
      } finally {
        await store.close();
      }
    },
  };
}
