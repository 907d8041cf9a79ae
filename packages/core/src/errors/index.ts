export { ChatwireError, InvalidOptionError } from './chatwire-error.js';
