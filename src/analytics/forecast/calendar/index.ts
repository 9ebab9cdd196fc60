export * from './china-holiday-calendar.js';
export * from './holiday-calendar.js';
export * from './us-federal-holiday-calendar.js';
