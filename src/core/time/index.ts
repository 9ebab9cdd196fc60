export * from './calendar.js';
export * from './china-holidays.js';
