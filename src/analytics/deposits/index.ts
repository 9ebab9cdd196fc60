export * from './deposit-recommendation.js';
