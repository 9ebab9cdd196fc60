import { describe, expect, it } from 'vitest';
import { epochDay } from '../core/time/index.js';
import { openDuckDb } from '../warehouse/duckdb/index.js';
import { migrate } from '../warehouse/migrations/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { loadBillBook, loadBillIds } from './risk-store.js';

let store: Warehouse;
/** A statement run later, once the store is open. */
const statement = (sql: string, params: (string | number)[]) => () => store.run(sql, params);
const customer = (id: string, open: string) =>
  statement(`INSERT INTO customers VALUES (?, 'n', 'residential', 'I0', 'R1', 'D0', 'a', 'p', 'i', '0.4kV', 10, 'RES', 'TA1', 'F0', ?, 'active', true, 'Asia/Shanghai')`, [id, open]);
const bill = (id: string, c: string, issue: string, due: string, amount: number) =>
  statement(`INSERT INTO bills VALUES (?, 'A', ?, 'RES', DATE '2025-01-01', DATE '2025-02-01', ?, ?, 'CNY', ?, ?)`, [id, c, amount * 2, amount, issue, due]);
const payment = (id: string, b: string, c: string, at: string, amount: number, status = 'settled') =>
  statement(`INSERT INTO payments VALUES (?, ?, 'A', ?, CAST(? AS TIMESTAMP), ?, 'CNY', 'app', ?)`, [id, b, c, at, amount, status]);


describe('loadBillBook', () => {
  it('reads bills in customer and issue order with the local day payments settled them, and returned payments', async () => {
    store = await openDuckDb(':memory:', { threads: 1 });
    try {
      await migrate(store);
      for (const step of [
        customer('C2', '2020-01-01'), customer('C1', '2019-06-01'),
        bill('B1b', 'C1', '2025-02-03', '2025-02-18', 80), bill('B1a', 'C1', '2025-01-03', '2025-01-18', 100), bill('B2a', 'C2', '2025-01-03', '2025-01-18', 0),
        // Two part payments; the second (late evening UTC = next local day) covers the bill.
        payment('P1', 'B1a', 'C1', '2025-01-10 10:00:00', 60), payment('P2', 'B1a', 'C1', '2025-01-20 17:00:00', 40),
        payment('P3', 'B1b', 'C1', '2025-02-10 10:00:00', 80, 'returned'),
      ]) await step();
      await store.run(`INSERT INTO accounts VALUES ('A1', 'C1', 'app', false, 150, 'CNY', DATE '2019-06-01')`);
      const { book, regions } = await loadBillBook(store);
      expect(book.customerIds).toEqual(['C1', 'C2']);
      expect(regions).toBe(1);
      expect(Array.from(book.billStart)).toEqual([0, 2, 3]);
      expect(Array.from(book.issueDay)).toEqual(['2025-01-03', '2025-02-03', '2025-01-03'].map(epochDay));
      expect(Array.from(book.settledDay)).toEqual([epochDay('2025-01-21'), Number.NaN, epochDay('2025-01-03')]);
      expect(Array.from(book.depositCny)).toEqual([150, 0]);
      expect(Array.from(book.openDay)).toEqual([epochDay('2019-06-01'), epochDay('2020-01-01')]);
      expect(Array.from(book.returnedStart)).toEqual([0, 1, 1]);
      expect(Array.from(book.returnedIssueDay)).toEqual([epochDay('2025-02-03')]);
      expect(await loadBillIds(store, [1, 2])).toEqual(new Map([[1, 'B1b'], [2, 'B2a']]));
    } finally {
      await store.close();
    }
  });
});
