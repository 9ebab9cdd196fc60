export * from './app-event-generator.js';
export * from './template-text.js';
export * from './ticket-generator.js';
export * from './ticket-resolution.js';
export * from './ticket-templates.js';
export * from './ticket-topics.js';
