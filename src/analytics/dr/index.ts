export * from './baselines/index.js';
export * from './openadr/index.js';
export * from './programs/index.js';
