import { ChatRequestError } from '../../errors/chat-request-error.js';

/** The method step: the chat endpoint answers `POST` only, other methods get 405. */
export function requirePost(method: string | undefined): void {
  if (method === 'POST') return;
  throw new ChatRequestError({
    status: 405,
    message: `Method ${method ?? ''} is not allowed; use POST.`,
    code: 'method_not_allowed',
  });
}
