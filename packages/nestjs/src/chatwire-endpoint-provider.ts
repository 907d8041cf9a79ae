import { type ChatwireClient, InvalidOptionError } from '@chatwire/core';
import { type ChatCompletionsHandler, createChatCompletionsHandler } from '@chatwire/core/server';
import type { FactoryProvider } from '@nestjs/common';
import { CHATWIRE_CLIENT, CHATWIRE_ENDPOINT } from './chatwire.constants.js';
import type { ChatwireEndpointOptions } from './chatwire-endpoint-options.js';
import { CHATWIRE_MODULE_OPTIONS, STATIC_ENDPOINT_OPTIONS } from './chatwire-module-definition.js';
import type { ChatwireModuleOptions } from './chatwire-module-options.js';

function buildHandler(
  options: ChatwireModuleOptions,
  defined: ChatwireEndpointOptions | null,
  client: ChatwireClient,
): ChatCompletionsHandler {
  const late = options.endpoint;
  if (late?.path !== undefined && late.path !== defined?.path) {
    throw new InvalidOptionError(
      'endpoint.path',
      `ChatwireModule: useFactory returned endpoint.path ${JSON.stringify(late.path)}, but routes are registered before factories run. Give the path to forRootAsync itself: forRootAsync({ useFactory, endpoint: { path: ${JSON.stringify(late.path)} } }).`,
    );
  }
  const { path: _path, ...settings } = { ...defined, ...late };
  try {
    return createChatCompletionsHandler({ ...settings, client });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new InvalidOptionError('endpoint', `ChatwireModule: endpoint.${error.message}`);
    }
    throw error;
  }
}

/**
 * Provides the shared chat completions handler the endpoint controller serves requests with,
 * built once at startup so that an invalid policy stops the application from starting.
 */
export const chatwireEndpointProvider: FactoryProvider<ChatCompletionsHandler> = {
  provide: CHATWIRE_ENDPOINT,
  useFactory: buildHandler,
  inject: [CHATWIRE_MODULE_OPTIONS, STATIC_ENDPOINT_OPTIONS, CHATWIRE_CLIENT],
};
