export * from './clustering-metrics.js';
export * from './metric-input.js';
export * from './multiclass-metrics.js';
export * from './probability-metrics.js';
export * from './ranking-metrics.js';
export * from './ranks.js';
export * from './regression-metrics.js';
