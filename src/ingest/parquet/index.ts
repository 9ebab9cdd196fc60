export * from './config.js';
export * from './parquet-connector.js';
