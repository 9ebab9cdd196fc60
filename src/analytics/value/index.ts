export * from './value-assessment.js';
export * from './value-facts.js';
export * from './value-params.js';
