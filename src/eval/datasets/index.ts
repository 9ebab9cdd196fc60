export * from './csv-table.js';
export * from './data-root.js';
export * from './gefcom2012-holidays.js';
export * from './gefcom2012-loader.js';
export * from './openstef307-loader.js';
export * from './pjm-hourly-loader.js';
export * from './zip-entry-reader.js';
