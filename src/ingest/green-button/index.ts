export * from './config.js';
export * from './green-button-connector.js';
