export * from './duckdb-warehouse.js';
export * from './duckdb-dialect.js';
