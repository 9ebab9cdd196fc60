export * from './segments-demo-eval.js';
export * from './segments-sgsc-eval.js';
export * from './segments-evals.js';
