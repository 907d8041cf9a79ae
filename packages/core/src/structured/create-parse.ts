import type { ChatCompletions } from '../client/chatwire-client.js';
import { parseChatCompletion } from './parse-chat-completion.js';

/** `client.chat.completions.parse`, over the client's `create`. */
export function createParse(create: ChatCompletions['create']): ChatCompletions['parse'] {
  return async (body, options) => {
    const completion = await create({ ...body, stream: false }, options);
    return parseChatCompletion(completion, body.response_format, body.tools);
  };
}
