// The entry point for browsers and edge runtimes: the same API as the Node one, sending with
// `fetch`, so that bundles never pull in undici.
export * from './client/index-browser.js';
export * from './shared-exports.js';
