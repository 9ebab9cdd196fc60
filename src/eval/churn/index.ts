export * from './churn-telco-eval.js';
export * from './telco-churn.js';
export * from './churn-evals.js';
