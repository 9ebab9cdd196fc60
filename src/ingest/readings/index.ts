export * from './energy-units.js';
export * from './local-time.js';
export * from './meter-resolver.js';
export * from './reading-batch.js';
export * from './reading-mapping.js';
export * from './reading-rules.js';
export * from './time-reader.js';
export * from './timestamp-parser.js';
