import { runWarehouseContract } from '../warehouse-contract.testkit.js';
import { openDuckDb } from './duckdb-warehouse.js';

runWarehouseContract({ name: 'DuckDB (in memory)', open: () => openDuckDb(':memory:') });
