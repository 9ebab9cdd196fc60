import { describe, expect, it } from 'vitest';
import { openDuckDb } from '../warehouse/duckdb/index.js';
import { migrate } from '../warehouse/migrations/index.js';
import { serializeWrites } from './api-write-lock.js';
import { appendAudit, appendAuditLocked, canonicalJson, GENESIS_HASH, verifyAuditChain } from './audit.js';

describe('audit chain', () => {
  it('writes canonical JSON whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('chains concurrent entries in order and verifies them', async () => {
    const wh = await openDuckDb(':memory:', { threads: 1 });
    try {
      await migrate(wh);
      const entries = await Promise.all(Array.from({ length: 25 }, (_, i) => appendAudit(wh, { actor: `u${i}`, action: 'test', details: { i } })));
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(entries[0].prevHash).toBe(GENESIS_HASH);
      for (let i = 1; i < entries.length; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash);
      expect(await verifyAuditChain(wh)).toEqual({ ok: true, entries: 25, headHash: entries[24].hash });
      await wh.run("UPDATE audit_log SET details = '{\"i\":99}' WHERE seq = 12");
      expect((await verifyAuditChain(wh)).firstBadEntry?.seq).toBe(12);
    } finally {
      await wh.close();
    }
  });

  it('keeps one chain when group commits (on the audit session) and locked appends (on the store\'s connection) interleave', async () => {
    const wh = await openDuckDb(':memory:', { threads: 1 });
    try {
      await migrate(wh);
      await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 3 === 0
        ? serializeWrites(wh, () => wh.transaction((tx) => appendAuditLocked(tx, { actor: `locked${i}`, action: 'test' })))
        : appendAudit(wh, { actor: `grouped${i}`, action: 'test' }))));
      const verification = await verifyAuditChain(wh);
      expect(verification).toMatchObject({ ok: true, entries: 30 });
      const [row] = await wh.query<{ logged_at: Date }>('SELECT logged_at FROM audit_log WHERE actor = ? ', ['grouped1']);
      expect(Math.abs(row.logged_at.getTime() - Date.now())).toBeLessThan(60_000); // the appender stores UTC as the INSERT does
    } finally {
      await wh.close();
    }
  });
});
