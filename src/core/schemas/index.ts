export * from './customer.js';
export * from './meter.js';
export * from './grid.js';
export * from './billing.js';
export * from './service.js';
export * from './tariff.js';
