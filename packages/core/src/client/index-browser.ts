export * from './client-api.js';
export { createClient } from './create-client-browser.js';
