export * from './degradation.js';
export * from './transformer-telemetry.js';
export * from './transformer-thermal.js';
