export * from './openadr3-export.js';
export * from './openadr3-schema.js';
