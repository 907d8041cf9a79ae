import type { ChatCompletionsFetchHandler } from '@chatwire/core/server';
import { Hono } from 'hono';
import { CHAT_PATH } from './platform-handler.js';

/** A Hono app serving the chat endpoint at {@link CHAT_PATH}, for every method (others get 405). */
export function honoChatApp(handler: ChatCompletionsFetchHandler): Hono {
  const app = new Hono();
  app.all(CHAT_PATH, (context) => handler(context.req.raw));
  return app;
}
