export * from './record-tables.js';
export * from './record-reader.js';
export * from './record-batch.js';
export * from './record-lines.js';
export * from './collect-records.js';
