// The entry point for browsers and edge runtimes: the same API as the Node one, sending with
// `fetch`, so that bundles never pull in undici.
export * from './client/index-browser.js';
export * from './errors/index.js';
export * from './headers/index.js';
export * from './sse/index.js';
export * from './stream/index.js';
export * from './tools/index.js';
export type * from './types/index.js';
