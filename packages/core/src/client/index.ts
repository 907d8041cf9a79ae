export { createClient, type NodeClientOptions } from './create-client.js';
export * from './runtime-neutral.js';
