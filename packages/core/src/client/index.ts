export * from './client-api.js';
export { createClient, type NodeClientOptions } from './create-client.js';
