export * from './climate.js';
export * from './climate-curve.js';
export * from './solar-geometry.js';
export * from './local-clock.js';
export * from './weather-spells.js';
export * from './daily-weather.js';
export * from './weather-generator.js';
