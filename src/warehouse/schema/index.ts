export * from './table-def.js';
export * from './reference-tables.js';
export * from './volume-tables.js';
export * from './truth-tables.js';
export * from './ingest-tables.js';
export * from './quality-tables.js';
export * from './registry.js';
export * from './data-model-doc.js';
