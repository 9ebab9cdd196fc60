export * from './alert-rules.js';
export * from './early-warning.js';
