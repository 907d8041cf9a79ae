export * from './client/index.js';
export * from './runtime-neutral.js';
