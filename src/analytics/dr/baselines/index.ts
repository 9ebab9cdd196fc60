export * from './baseline-params.js';
export * from './baseline-registry.js';
export * from './baseline.js';
export * from './day-load-matrix.js';
export * from './day-of-adjustment.js';
export * from './eligible-days.js';
export * from './x-of-y-baseline.js';
export * from './baseline-accuracy.js';
