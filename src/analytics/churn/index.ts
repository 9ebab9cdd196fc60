export * from './churn-model.js';
export * from './churn-scoring.js';
export * from './utility-churn-features.js';
export * from './utility-churn-prior.js';
