export * from './config.js';
export * from './jsonl-connector.js';
