export * from './ingest-run.js';
export * from './file-ingest.js';
export * from './ingest-ledger.js';
export * from './quarantine-store.js';
export * from './quarantine-replay.js';
export * from './readings-merge.js';
export * from './records-merge.js';
export * from './meter-registry.js';
