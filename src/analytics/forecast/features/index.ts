export * from './calendar-features.js';
export * from './day-facts.js';
export * from './feature-builder.js';
export * from './feature-spec.js';
export * from './lag-features.js';
export * from './local-clock.js';
