/**
 * HTTP API latency and throughput with autocannon at 50 concurrent connections against a local
 * server on the 100,000-customer demo (7 days of hourly readings, to keep generation short).
 * Cases: customer search (varied queries, page of 20) and the 360 profile (random customers; each
 * view is audited, so it includes an audit-chain append), next to the same-run reference `healthz`
 * (framework + authentication-free store round trip). The server runs in its own process.
 * The store gets the pipeline's last step, `profiles` (precomputed 360 documents), as `npm start` runs it.
 * Usage: node --import tsx bench/api.ts [--customers 100000] [--days 7] [--seconds 15] [--connections 50] [--case profile]
 *        node --import tsx bench/api.ts serve DB PORT     (the server process)
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../src/api/server.js';
import { loadConfig } from '../src/core/config.js';
import { createDemo } from '../src/jobs/create-demo.js';
import { runPipeline } from '../src/jobs/pipeline.js';
import { withStore } from '../src/jobs/store.js';
import { addUser, getUser } from '../src/jobs/users.js';
import { round, writeResult } from './lib/harness.js';

interface Histogram { p50: number; p90: number; p99: number; average: number; max: number }
interface CannonResult { latency: Histogram; requests: { average: number; total: number }; errors: number; timeouts: number; non2xx: number; duration: number }
interface CannonRequest { method?: string; path?: string; setupRequest?: (req: { path: string }) => { path: string } }
type Cannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string>; requests?: CannonRequest[] }) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PASSWORD = 'bench-password-0123456789';

async function prepareStore(db: string, customers: number, days: number): Promise<void> {
  const config = loadConfig({ db });
  const t0 = performance.now();
  const demo = await createDemo(config, { customers, days, intervalMinutes: 60, start: '2025-06-01', threads: 2 });
  if (demo.created) process.stderr.write(`demo: ${customers} customers x ${days} days hourly in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  await withStore(config, async (wh) => {
    if (!(await getUser(wh, 'bench').catch(() => null))) await addUser(wh, { username: 'bench', roles: ['service'], password: PASSWORD }, 'bench');
  });
  // The pipeline's last step, as `npm start` runs it: skipped when the stored documents are current.
  const [step] = (await runPipeline(config, { only: ['profiles'] })).steps;
  process.stderr.write(`profile documents: ${step.status} in ${step.seconds.toFixed(1)} s${step.error ? ` (${step.error})` : ''}\n`);
}

async function serve(db: string, port: number): Promise<void> {
  const server = await startServer(loadConfig({ db }), { port, host: '127.0.0.1', webRoot: null, loginRateLimitPerMinute: 1000 });
  process.send?.({ url: server.url });
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0), (error: unknown) => {
    process.stderr.write(`server close failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  }));
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: PASSWORD }) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

function summary(name: string, r: CannonResult) {
  return {
    name, requests: r.requests.total, requestsPerSecond: round(r.requests.average, 1),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, mean: round(r.latency.average, 2), max: r.latency.max },
    errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx,
  };
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') return serve(process.argv[3], Number(process.argv[4]));
  const customers = arg('customers', 100_000);
  const days = arg('days', 7);
  const seconds = arg('seconds', 15);
  const connections = arg('connections', 50);
  const caseAt = process.argv.indexOf('--case');
  const only = caseAt > 0 ? process.argv[caseAt + 1] : null; // a fragment of a case name: run that case alone
  const db = join(tmpdir(), `gridlens-bench-api-${customers}x${days}.duckdb`);
  if (!existsSync(db)) process.stderr.write(`creating ${db}\n`);
  await prepareStore(db, customers, days);
  const child = fork(fileURLToPath(import.meta.url), ['serve', db, '18931'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const base = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  try {
    const cookie = await login(base);
    const id = () => `C${String(1 + Math.floor(Math.random() * customers)).padStart(8, '0')}`;
    const queries = ['王', '李', '张', '陈', '138', '1390', 'C0000', 'C0001', 'C00099', '刘'];
    const run = (path: () => string) => autocannon({
      url: base, connections, duration: seconds, headers: { cookie },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }],
    });
    const cases = [];
    for (const [name, path] of [
      ['healthz (reference)', () => '/api/v1/healthz'],
      ['customer search', () => `/api/v1/customers?q=${encodeURIComponent(queries[Math.floor(Math.random() * queries.length)])}&pageSize=20`],
      ['customer 360 profile', () => `/api/v1/customers/${id()}`],
    ] as const) {
      if (only && !name.includes(only)) continue;
      process.stderr.write(`== ${name}\n`);
      for (let i = 0; i < 20; i++) await fetch(base + path(), { headers: { cookie } }); // warm-up, not measured
      cases.push(summary(name, await run(path)));
      process.stderr.write(`${JSON.stringify(cases.at(-1))}\n`);
    }
    const path = writeResult('api', { store: { customers, days, intervalMinutes: 60 }, connections, secondsPerCase: seconds, targetP99Ms: 50, cases });
    process.stderr.write(`wrote ${path}\n`);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const stuck = setTimeout(() => {
      process.stderr.write('server did not stop within 15 s of SIGTERM: killed\n');
      child.kill('SIGKILL');
    }, 15_000);
    await exited;
    clearTimeout(stuck);
  }
}

await main();
