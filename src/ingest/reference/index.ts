export * from './config.js';
export * from './reference-connector.js';
