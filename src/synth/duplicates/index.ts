export * from './address-variants.js';
export * from './generate-source-records.js';
export * from './id-variants.js';
export * from './name-variants.js';
export * from './other-people.js';
export * from './phone-variants.js';
export * from './source-appearance.js';
export * from './source-record.js';
