import type { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { auditCommand } from '../src/cli/commands/audit.js';
import { userCommand } from '../src/cli/commands/user.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';

/** `gridlens user ...` and `gridlens audit verify` in-process on a temporary store file, with --json. */
const dir = mkdtempSync(join(tmpdir(), 'gridlens-api-cli-'));
const db = join(dir, 'store.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(command: () => Command, args: string[]): Promise<{ json: Record<string, unknown>; exitCode: number }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { chunks.push(String(chunk)); return true; });
  process.exitCode = 0;
  try {
    await command().exitOverride().parseAsync(['node', 'gridlens', ...args, '--db', db, '--json']);
  } finally {
    spy.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { json: JSON.parse(chunks.join('')) as Record<string, unknown>, exitCode };
}

describe('gridlens user and audit', () => {
  it('adds users (password printed once), rejects bad roles, creates tokens and verifies the audit chain', async () => {
    const added = await run(userCommand, ['add', 'alice', '--role', 'service,marketing', '--region', '西湖区']);
    expect(added.json).toMatchObject({ user: { username: 'alice', roles: ['service', 'marketing'], regions: ['西湖区'] } });
    expect(String(added.json.password)).toMatch(/^\S{20,}$/);
    const bad = await run(userCommand, ['add', 'bob', '--role', 'boss']);
    expect(bad.exitCode).toBe(2);
    expect((bad.json.error as { message: string }).message).toMatch(/unknown role "boss"/);
    const token = await run(userCommand, ['token', 'create', '--user', 'alice', '--scopes', 'customers:read,exports:read', '--partner']);
    expect(String(token.json.token)).toMatch(/^glt_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
    const role = await run(userCommand, ['role', 'alice', '--set', 'analyst']);
    expect(role.json).toMatchObject({ roles: ['analyst'] });
    const list = await run(userCommand, ['list']);
    expect(JSON.stringify(list.json)).not.toMatch(/scrypt|password/);
    const verified = await run(auditCommand, ['verify']);
    expect(verified).toMatchObject({ exitCode: 0, json: { ok: true, entries: 3 } });
  }, 60_000);

  it('audit verify fails with exit code 1 on a tampered entry', async () => {
    const wh = await openDuckDb(db);
    await wh.run("UPDATE audit_log SET details = '{}' WHERE seq = 2");
    await wh.close();
    const verified = await run(auditCommand, ['verify']);
    expect(verified).toMatchObject({ exitCode: 1, json: { ok: false, firstBadEntry: { seq: 2 } } });
  }, 30_000);
});
