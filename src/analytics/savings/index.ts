export * from './avoided-energy.js';
export * from './caltrack-daily.js';
