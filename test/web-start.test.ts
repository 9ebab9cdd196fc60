import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/** `gridlens start` (what `npm start` runs), built: serving mode on a free port, then the scripted mode. */
const cli = join(process.cwd(), 'dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'gridlens-start-'));
const db = join(dir, 'start.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the server and resolves with the JSON document it prints once it listens. */
function startServing(args: string[]): Promise<{ doc: Record<string, unknown>; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [cli, 'start', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      try {
        const doc = JSON.parse(stdout) as Record<string, unknown>;
        resolve({ doc, stop: () => (child.kill('SIGTERM'), exited) });
      } catch {
        // Not complete yet.
      }
    });
    void exited.then((code) => reject(new Error(`gridlens start exited (${code}) before serving: ${stderr}${stdout}`)));
  });
}

describe('gridlens start', () => {
  it('creates the demo and the first admin, then serves the API and the dashboard on one port', async () => {
    const { doc, stop } = await startServing(['--db', db, '--customers', '25', '--days', '10', '--no-pipeline', '--port', '0', '--json']);
    try {
      const url = String(doc.url);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(doc.demo).toMatchObject({ created: true });
      const admin = doc.admin as { created: boolean; username: string; password: string };
      expect(admin).toMatchObject({ created: true, username: 'admin' });
      expect(admin.password.length).toBeGreaterThanOrEqual(12);
      expect(await (await fetch(`${url}/api/v1/healthz`)).json()).toEqual({ ok: true });
      if (doc.dashboard) {
        const page = await fetch(`${url}/customers/C1`);
        expect(page.headers.get('content-type')).toMatch(/text\/html/);
        expect(await page.text()).toContain('<div id="root">');
      }
      const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: admin.password }) });
      expect(login.status).toBe(200);
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it('--no-serve on an existing store keeps the data and the admin, and runs only the steps asked for', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [cli, 'start', '--db', db, '--no-serve', '--steps', 'features', '--json'], { maxBuffer: 16 * 1024 * 1024 });
    const doc = JSON.parse(stdout) as { demo: unknown; admin: { created: boolean; password?: string }; pipeline: { steps: { id: string; status: string }[] } };
    expect(doc.demo).toBeNull();
    expect(doc.admin.created).toBe(false);
    expect(doc.admin.password).toBeUndefined();
    expect(doc.pipeline.steps).toEqual([expect.objectContaining({ id: 'features', status: 'done' })]);
    const again = JSON.parse((await run(process.execPath, [cli, 'start', '--db', db, '--no-serve', '--steps', 'features', '--json'])).stdout) as typeof doc;
    expect(again.pipeline.steps).toEqual([expect.objectContaining({ id: 'features', status: 'skipped' })]);
    const bad = await run(process.execPath, [cli, 'start', '--db', db, '--no-serve', '--steps', 'features,nope', '--json']).catch((e: { stdout: string; code: number }) => e);
    expect('code' in bad && bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.message).toMatch(/unknown pipeline step "nope" \(known: features, segments/);
  });
});
