import type { ChatCompletion, ChatCompletionMessageParam } from '../types/index.js';
import { ChatwireError } from './chatwire-error.js';

/**
 * A tool loop reached `maxRounds` and the model still asked for tools. The calls of the last
 * answer were not run. The conversation so far is kept, to continue it or show it.
 */
export class ToolRoundLimitError extends ChatwireError {
  static override readonly brand: string = 'ToolRoundLimitError';

  constructor(
    /** The limit that was reached. */
    readonly maxRounds: number,
    /** The last answer, which asks for tools that were not run. */
    readonly completion: ChatCompletion,
    /** The conversation, ending with the assistant message of `completion`. */
    readonly messages: ChatCompletionMessageParam[],
  ) {
    super(
      `The model still called tools after ${maxRounds} rounds (maxRounds); the calls of the ` +
        'last answer were not run. Raise maxRounds, or continue from `messages`.',
    );
  }
}
