export * from './config.js';
export * from './csv-connector.js';
