export * from './credit-profile.js';
export * from './payment-generator.js';
export * from './payment-truth.js';
