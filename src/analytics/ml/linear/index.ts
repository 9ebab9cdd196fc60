export * from './design-matrix.js';
export * from './gram-cholesky.js';
export * from './least-squares-model.js';
export * from './linear-coefficients.js';
export * from './logistic-regression-model.js';
