// Everything but the client, the same for Node, browsers and edge runtimes.
export * from './errors/index.js';
export * from './headers/index.js';
export * from './sse/index.js';
export * from './stream/index.js';
export * from './structured/index.js';
export * from './tools/index.js';
export type * from './types/index.js';
