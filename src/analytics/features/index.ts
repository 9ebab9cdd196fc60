export * from './aggregate-refresh.js';
export * from './compute-features.js';
export * from './customer-features.js';
export * from './load-shape.js';
export * from './temperature-response.js';
export * from './customer-chunks.js';
