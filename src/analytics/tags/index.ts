export * from './default-catalogue.js';
export * from './evaluate-tags.js';
export * from './tag-schema.js';
export * from './tag-store.js';
