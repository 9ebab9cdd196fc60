export * from './credit-evals.js';
export * from './credit-german-eval.js';
export * from './credit-report.js';
export * from './credit-taiwan-eval.js';
export * from './eval-types.js';
export * from './model-comparison.js';
export * from './step-timer.js';
export * from './stratified-split.js';
