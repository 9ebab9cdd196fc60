export * from './config.js';
export * from './mqtt-connector.js';
export * from '../stream-connector.js';
export * from './stream-ingest.js';
