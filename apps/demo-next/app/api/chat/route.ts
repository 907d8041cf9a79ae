import { createChatCompletionsFetchHandler, MemoryTurnStore } from '@chatwire/core/server';
import { chatErrorLine, chatTurnLine } from 'demo-express/chat-log';
import { demoChatModels } from '@/server/chat-models';
import { onFirstRequest } from '@/server/on-first-request';
import { demoUpstream } from '@/server/upstream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The page's chat endpoint, configured as demo-express's: the models of `/api/models`, a span
 * name for Portkey's trace view, a log line per turn with its trace id, and turns recorded in
 * this process. `POST` answers a chat (streamed, or JSON); with an `Idempotency-Key` header it
 * records the turn, which `GET ?turn=<id>` resumes after `Last-Event-ID` (a reload mid-answer)
 * and `DELETE ?turn=<id>` stops.
 */
const chat = onFirstRequest(async () => {
  const upstream = await demoUpstream();
  const models = demoChatModels(upstream.emulator);
  return createChatCompletionsFetchHandler({
    client: upstream.client,
    turnStore: new MemoryTurnStore(),
    defaultModel: models.defaultModel,
    allowedModels: models.models,
    portkeyOptions: () => ({ spanName: 'demo-chat' }),
    onFinish: (turn) => console.log(chatTurnLine(turn)),
    onError: (error, context) => console.log(chatErrorLine(error, context)),
  });
});

export { chat as DELETE, chat as GET, chat as POST };
