import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrations/index.js';
import { allTables } from './schema/registry.js';
import { QueryError, WarehouseError, type Warehouse } from './warehouse.js';

export interface ContractSkip {
  readonly reason: string;
  readonly tests: readonly string[];
}

export interface WarehouseContractOptions {
  readonly name: string;
  /** Opens an empty warehouse. */
  readonly open: () => Promise<Warehouse>;
  readonly skip?: readonly ContractSkip[];
}

/** The behaviour every Warehouse driver must show. Each driver's test file calls this once. */
export function runWarehouseContract(options: WarehouseContractOptions): void {
  const skipped = new Map<string, string>();
  for (const s of options.skip ?? []) for (const t of s.tests) skipped.set(t, s.reason);
  const test = (name: string, fn: () => Promise<void>) =>
    skipped.has(name) ? it.skip(`${name} (skipped: ${skipped.get(name)})`, fn) : it(name, fn);

  describe(`Warehouse contract: ${options.name}`, () => {
    let wh: Warehouse;
    beforeAll(async () => {
      wh = await options.open();
      await migrate(wh);
    });
    afterAll(async () => wh?.close());

    test('migrations create every table and are idempotent', async () => {
      const again = await migrate(wh);
      expect(again.applied).toEqual([]);
      expect(again.current).toBeGreaterThanOrEqual(1);
      for (const table of allTables) {
        const rows = await wh.query<{ n: number }>(`SELECT count(*) AS n FROM ${wh.dialect.quoteIdent(table.name)}`);
        expect(rows[0].n).toBe(0);
      }
    });

    test('parameters are values, never SQL', async () => {
      const hostile = "x'); DROP TABLE customers; --";
      const rows = await wh.query<{ v: string }>('SELECT ? AS v', [hostile]);
      expect(rows[0].v).toBe(hostile);
      const count = await wh.query<{ n: number }>('SELECT count(*) AS n FROM customers WHERE customer_id = ?', [hostile]);
      expect(count[0].n).toBe(0);
    });

    test('queryNumeric returns columns as Float64Arrays with NULL as NaN, across chunks and types', async () => {
      const r = await wh.queryNumeric(
        `SELECT CAST(i AS INTEGER) AS i, CAST(i AS BIGINT) * 1000000000 AS big, CAST(i % 3 AS UTINYINT) AS small,
                CASE WHEN i % 5 = 0 THEN NULL ELSE i / 4 END AS x, i % 2 = 0 AS even, CAST(i AS DECIMAL(10, 2)) / 8 AS dec,
                ${wh.dialect.epochMs("TIMESTAMP '2025-01-01 00:00:00' + i * INTERVAL 1 MINUTE")} AS ms,
                CAST(CASE WHEN i >= 4090 AND i % 7 = 0 THEN NULL ELSE i END AS INTEGER) AS late_null
         FROM range(?) t(i)`, [5000]);
      expect(r.rowCount).toBe(5000);
      expect(Object.keys(r.columns)).toEqual(['i', 'big', 'small', 'x', 'even', 'dec', 'ms', 'late_null']);
      const { i, big, small, x, even, dec, ms, late_null: lateNull } = r.columns;
      // NULLs in every chunk (x) and only after the first chunks (lateNull), row by row.
      expect(Array.from(x, Number.isNaN)).toEqual(Array.from({ length: 5000 }, (_, k) => k % 5 === 0));
      expect(Array.from(lateNull, (v, k) => (Number.isNaN(v) ? -1 : v - k))).toEqual(Array.from({ length: 5000 }, (_, k) => (k >= 4090 && k % 7 === 0 ? -1 : 0)));
      for (const k of [0, 1, 2047, 2048, 4999]) {
        expect([i[k], big[k], small[k], even[k], dec[k], ms[k]]).toEqual([k, k * 1e9, k % 3, k % 2 === 0 ? 1 : 0, k / 8, Date.UTC(2025, 0, 1) + k * 60_000]);
        expect(Number.isNaN(x[k])).toBe(k % 5 === 0);
        if (k % 5 !== 0) expect(x[k]).toBe(k / 4);
      }
      const empty = await wh.queryNumeric('SELECT 1 AS a WHERE FALSE');
      expect(empty).toEqual({ rowCount: 0, columns: { a: new Float64Array(0) } });
      await expect(wh.queryNumeric("SELECT 'text' AS t")).rejects.toThrow(/not numeric/);
    });

    test('typed-array append round-trips readings exactly', async () => {
      const n = 10_000;
      const meterId = new Int32Array(n), channel = new Uint8Array(n), ts = new Float64Array(n), kwh = new Float64Array(n);
      const quality = new Uint8Array(n), sourceId = new Uint16Array(n);
      const start = Date.UTC(2025, 0, 1, 16);
      for (let i = 0; i < n; i++) {
        meterId[i] = 1 + (i % 7); channel[i] = 1; ts[i] = start + i * 900_000; kwh[i] = i / 8; sourceId[i] = 3;
      }
      kwh[5] = Number.NaN;
      quality[5] = 3;
      await wh.append('readings', { rowCount: n, columns: { meter_id: meterId, channel, ts, kwh, quality, source_id: sourceId } });
      const [stats] = await wh.query<{ n: number; total: number; nulls: number; first: Date; last: Date }>(
        'SELECT count(*) AS n, sum(kwh) AS total, count(*) - count(kwh) AS nulls, min(ts) AS first, max(ts) AS last FROM readings',
      );
      expect(stats.n).toBe(n);
      expect(stats.nulls).toBe(1);
      expect(stats.total).toBeCloseTo(((n - 1) * n) / 2 / 8 - 5 / 8, 6);
      expect(stats.first.getTime()).toBe(start);
      expect(stats.last.getTime()).toBe(start + (n - 1) * 900_000);
    });

    test('value append round-trips strings, dates, booleans, json and nulls', async () => {
      await wh.append('equipment', {
        rowCount: 2,
        columns: {
          equipment_id: ['EQ1', 'EQ2'], kind: ['distribution_transformer', 'dedicated_transformer'], area_id: ['TA1', 'TA2'],
          customer_id: [null, 'C1'], rated_kva: [400, 1250], install_date: ['2019-06-30', '2021-01-01'], model: ['S13-M-400/10', '干变 SCB11'],
        },
      });
      const rows = await wh.query('SELECT * FROM equipment ORDER BY equipment_id');
      expect(rows).toEqual([
        { equipment_id: 'EQ1', kind: 'distribution_transformer', area_id: 'TA1', customer_id: null, rated_kva: 400, install_date: '2019-06-30', model: 'S13-M-400/10' },
        { equipment_id: 'EQ2', kind: 'dedicated_transformer', area_id: 'TA2', customer_id: 'C1', rated_kva: 1250, install_date: '2021-01-01', model: '干变 SCB11' },
      ]);
      await wh.append('events', {
        rowCount: 1,
        columns: { event_id: ['E1'], customer_id: ['C1'], ts: [new Date(Date.UTC(2025, 5, 1))], event_type: ['login'], channel: ['app'], properties: [{ os: 'android' }] },
      });
      const [event] = await wh.query<{ os: string }>(`SELECT properties->>'os' AS os FROM events`);
      expect(event.os).toBe('android');
    });

    test('stream yields every row in batches', async () => {
      let total = 0, batches = 0;
      for await (const batch of wh.stream('SELECT * FROM readings', [], 3_000)) {
        total += batch.length;
        batches++;
      }
      expect(total).toBe(10_000);
      expect(batches).toBeGreaterThanOrEqual(3);
    });

    test('transactions commit and roll back', async () => {
      await wh.transaction((tx) => tx.run("INSERT INTO sources VALUES (1, 'kept', 'file', ?)", [new Date()]));
      await expect(
        wh.transaction(async (tx) => {
          await tx.run("INSERT INTO sources VALUES (2, 'lost', 'file', ?)", [new Date()]);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      const rows = await wh.query<{ name: string }>('SELECT name FROM sources ORDER BY source_id');
      expect(rows.map((r) => r.name)).toEqual(['kept']);
    });

    test('rows inserted from one JSON parameter round-trip exactly', async () => {
      const at = new Date(Date.UTC(2025, 5, 1, 8, 30, 15, 123));
      const rows = [
        { username: 'zhang', attempted_at: at.toISOString(), ip: null, success: true },
        { username: "o'brien \"x\" 张", attempted_at: new Date(at.getTime() + 1).toISOString(), ip: '10.0.0.1', success: false },
      ];
      const columns = allTables.find((t) => t.name === 'login_attempts')!.columns;
      await wh.run(wh.dialect.insertJsonRows('login_attempts', columns), [JSON.stringify(rows)]);
      const back = await wh.query<{ username: string; attempted_at: Date; ip: string | null; success: boolean }>('SELECT * FROM login_attempts ORDER BY attempted_at');
      expect(back.map((r) => ({ ...r, attempted_at: r.attempted_at.toISOString() }))).toEqual(rows);
      await wh.run('DELETE FROM login_attempts');
    });

    test('a session is another connection to the same store: committed writes are shared, open transactions isolated', async () => {
      const session = await wh.session();
      try {
        await session.run("INSERT INTO sources VALUES (10, 'from session', 'file', ?)", [new Date()]);
        expect(await wh.query('SELECT name FROM sources WHERE source_id = 10')).toEqual([{ name: 'from session' }]);
        await wh.transaction(async (tx) => {
          await tx.run("INSERT INTO sources VALUES (11, 'pending', 'file', ?)", [new Date()]);
          expect(await session.query('SELECT name FROM sources WHERE source_id = 11')).toEqual([]); // not committed yet
        });
        expect(await session.query('SELECT name FROM sources WHERE source_id = 11')).toEqual([{ name: 'pending' }]);
      } finally {
        await session.close();
      }
      expect(await wh.query('SELECT count(*)::INT AS n FROM sources WHERE source_id IN (10, 11)')).toEqual([{ n: 2 }]); // still open
      await wh.run('DELETE FROM sources WHERE source_id IN (10, 11)');
    });

    test('driver errors are wrapped with the SQL', async () => {
      const error = await wh.query('SELECT * FROM no_such_table WHERE x = ?', [1]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryError);
      expect((error as QueryError).sql).toContain('no_such_table');
    });

    test('append rejects unknown tables and columns', async () => {
      await expect(wh.append('nope', { rowCount: 0, columns: {} })).rejects.toBeInstanceOf(WarehouseError);
      await expect(wh.append('sources', { rowCount: 1, columns: { bogus: [1] } })).rejects.toThrow(/unknown column bogus/);
    });
  });
}
