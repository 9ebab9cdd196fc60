export * from './dr-program.js';
export * from './response-model.js';
export * from './settlement.js';
export * from './targeting.js';
