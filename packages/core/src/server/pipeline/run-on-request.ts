import { ChatRequestError } from '../../errors/chat-request-error.js';
import type { ChatCompletionsHandlerOptions, ChatRequestContext } from '../handler-options.js';

type OnRequest<Req, Res> = NonNullable<ChatCompletionsHandlerOptions<Req, Res>['onRequest']>;

/** The `onRequest` step: the hook may change the body, or refuse the request with a denial. */
export async function runOnRequest<Req, Res>(
  onRequest: OnRequest<Req, Res>,
  context: ChatRequestContext<Req, Res>,
): Promise<void> {
  const denial = await onRequest(context);
  if (denial === undefined) return;
  throw new ChatRequestError({
    status: denial.status,
    message: denial.message,
    code: denial.code ?? 'request_denied',
    type: denial.type,
  });
}
