export * from './dataset.js';
export * from './gbdt/index.js';
export * from './linear/index.js';
export * from './model.js';
export * from './random.js';
export * from './registry.js';
