export * from './warehouse.js';
export * from './dialect.js';
export * from './schema/index.js';
export * from './migrations/index.js';
