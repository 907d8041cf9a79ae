import type { ChatwireModuleOptions } from '@chatwire/nestjs';
import type { ChatTurns } from './turns/chat-turns.js';
import type { ChatModels } from './upstream/chat-models.js';
import type { Upstream } from './upstream/upstream.js';

/**
 * The chatwire options: the client of the {@link Upstream}, the models it may be asked for, and
 * the store of {@link ChatTurns} that streamed turns are recorded in.
 */
export function chatwireOptionsFactory(
  upstream: Upstream,
  models: ChatModels,
  turns: ChatTurns,
): ChatwireModuleOptions {
  return {
    ...upstream.clientOptions,
    endpoint: {
      defaultModel: models.defaultModel,
      allowedModels: models.models,
      // Recorded turns resume after a reload or a dropped connection (GET api/chat?turn=<id>),
      // and Stop reaches them (DELETE api/chat?turn=<id>), on any instance sharing the store.
      turnStore: turns.store,
    },
  };
}
