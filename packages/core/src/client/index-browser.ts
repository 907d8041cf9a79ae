export { createClient } from './create-client-browser.js';
export * from './runtime-neutral.js';
