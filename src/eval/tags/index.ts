export * from './tags-demo-eval.js';
export * from './tags-evals.js';
