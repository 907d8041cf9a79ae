import type { ChatwireModuleOptions } from '@chatwire/nestjs';
import type { ChatModels } from './upstream/chat-models.js';
import type { Upstream } from './upstream/upstream.js';

/** The chatwire options: the client of the {@link Upstream}, and the models it may be asked for. */
export function chatwireOptionsFactory(
  upstream: Upstream,
  models: ChatModels,
): ChatwireModuleOptions {
  return {
    ...upstream.clientOptions,
    endpoint: { defaultModel: models.defaultModel, allowedModels: models.models },
  };
}
