export * from './client/index.js';
export * from './errors/index.js';
export * from './headers/index.js';
export * from './sse/index.js';
export * from './stream/index.js';
export * from './tools/index.js';
export type * from './types/index.js';
