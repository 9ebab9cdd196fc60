import { describe, expect, it } from 'vitest';
import { runWarehouseContract } from '../warehouse-contract.testkit.js';
import { openDuckDb } from './duckdb-warehouse.js';

runWarehouseContract({ name: 'DuckDB (in memory)', open: () => openDuckDb(':memory:') });

describe('DuckDB sessions', () => {
  it('are closed with the warehouse that opened them', async () => {
    const wh = await openDuckDb(':memory:');
    const session = await wh.session();
    expect(await session.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await wh.close();
    await expect(session.query('SELECT 1 AS one')).rejects.toThrow();
  });
});
