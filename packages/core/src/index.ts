export * from './errors/index.js';
export * from './headers/index.js';
export * from './sse/index.js';
export type * from './types/index.js';
