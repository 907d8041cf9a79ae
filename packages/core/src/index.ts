export * from './client/index.js';
export * from './shared-exports.js';
