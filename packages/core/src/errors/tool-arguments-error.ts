import { ChatwireError } from './chatwire-error.js';

/**
 * The model called a tool in a way that could not run: an unknown name, arguments that are not
 * valid JSON, or arguments the tool's zod schema refused. The message is what the model is told.
 */
export class ToolArgumentsError extends ChatwireError {
  static override readonly brand: string = 'ToolArgumentsError';
}
