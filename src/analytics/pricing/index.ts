export * from './elasticity.js';
export * from './price-response.js';
export * from './pricing-simulation.js';
export * from './tou-price-set.js';
