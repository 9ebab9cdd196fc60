export * from './list-evaluation.js';
export * from './list-rules.js';
