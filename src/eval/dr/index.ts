export * from './baseline-scoring.js';
export * from './dataset-calendars.js';
export * from './dr-baselines-eval.js';
export * from './lcl-dtou-loader.js';
export * from './dr-evals.js';
