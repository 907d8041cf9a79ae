import type { ChatwireClient } from '@chatwire/core';
import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { ChatCompletionsService } from './chat-completions.service.js';
import { CHATWIRE_CLIENT, CHATWIRE_ENDPOINT } from './chatwire.constants.js';
import { chatwireEndpointProvider } from './chatwire-endpoint-provider.js';
import {
  CHATWIRE_MODULE_OPTIONS,
  ConfigurableChatwireModule,
} from './chatwire-module-definition.js';
import type {
  ChatwireModuleAsyncOptions,
  ChatwireModuleRootOptions,
} from './chatwire-module-options.js';
import { createModuleClient } from './create-module-client.js';

const clientProvider: Provider = {
  provide: CHATWIRE_CLIENT,
  useFactory: createModuleClient,
  inject: [CHATWIRE_MODULE_OPTIONS],
};

/**
 * Portkey chat completions for a Nest application: one client, configured once and shared,
 * `ChatCompletionsService` and the client to inject anywhere, and optionally the chat
 * endpoint `@chatwire/react` talks to. The client's connections are closed on application
 * shutdown (`app.close()`, or a signal with `enableShutdownHooks()`).
 *
 * @example
 * ```ts
 * @Module({
 *   imports: [
 *     ChatwireModule.forRoot({
 *       provider: '@openai-prod', // PORTKEY_API_KEY from the environment
 *       endpoint: { path: 'api/chat', defaultModel: 'gpt-4o-mini' },
 *     }),
 *   ],
 * })
 * export class AppModule {}
 * ```
 */
@Module({
  providers: [clientProvider, ChatCompletionsService, chatwireEndpointProvider],
  exports: [CHATWIRE_CLIENT, ChatCompletionsService, CHATWIRE_ENDPOINT],
})
export class ChatwireModule extends ConfigurableChatwireModule implements OnApplicationShutdown {
  /** @param client The module's client, closed when the application shuts down. */
  constructor(@Inject(CHATWIRE_CLIENT) private readonly client: ChatwireClient) {
    super();
  }

  /**
   * Configures the module with options known when the module is defined.
   *
   * @throws {InvalidOptionError} at startup when no gateway or API key resolves or an option
   *   is invalid; the message names the option and environment variable to set.
   */
  static override forRoot(options: ChatwireModuleRootOptions): DynamicModule {
    // biome-ignore lint/complexity/noThisInStatic: the generated method must see ChatwireModule as `this`, so the dynamic module is this class
    return super.forRoot(options);
  }

  /**
   * Configures the module with options computed at startup by `useFactory` (with `inject`ed
   * providers such as `ConfigService` from `imports`), or by a `useClass` / `useExisting`
   * factory class with a `create()` method. `isGlobal` and `endpoint.path` are given here,
   * beside the factory.
   *
   * @example
   * ```ts
   * ChatwireModule.forRootAsync({
   *   imports: [ConfigModule],
   *   inject: [ConfigService],
   *   useFactory: (config: ConfigService) => ({ apiKey: config.get('PORTKEY_API_KEY') }),
   *   endpoint: { path: 'api/chat', defaultModel: 'gpt-4o-mini' },
   * })
   * ```
   */
  static override forRootAsync(options: ChatwireModuleAsyncOptions): DynamicModule {
    // biome-ignore lint/complexity/noThisInStatic: the generated method must see ChatwireModule as `this`, so the dynamic module is this class
    return super.forRootAsync(options);
  }

  /** Closes the client's pooled connections. */
  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
