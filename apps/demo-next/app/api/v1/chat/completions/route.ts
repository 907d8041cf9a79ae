import { createChatCompletionsFetchHandler } from '@chatwire/core/server';
import { demoChatModels } from '@/server/chat-models';
import { onFirstRequest } from '@/server/on-first-request';
import { demoUpstream } from '@/server/upstream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The same endpoint without a turn store, where OpenAI and Portkey SDKs look for it: give them
 * `baseURL: 'http://127.0.0.1:3002/api/v1'`. It answers `POST` only, as the OpenAI API does.
 */
const completions = onFirstRequest(async () => {
  const upstream = await demoUpstream();
  const models = demoChatModels(upstream.emulator);
  return createChatCompletionsFetchHandler({
    client: upstream.client,
    defaultModel: models.defaultModel,
    allowedModels: models.models,
  });
});

export { completions as POST };
