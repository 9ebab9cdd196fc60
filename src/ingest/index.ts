export * from './connector.js';
export * from './ingest-errors.js';
export * from './connector-registry.js';
export * from './source-plan.js';
export * from './pipeline/index.js';
export { expandPaths } from './files/index.js';
export { readingRules } from './readings/index.js';
