import { ConfigurableModuleBuilder, type DynamicModule, type Provider } from '@nestjs/common';
import { createChatCompletionsController } from './chat-completions-controller.js';
import type { ChatwireEndpointOptions } from './chatwire-endpoint-options.js';
import type { ChatwireModuleExtras, ChatwireModuleOptions } from './chatwire-module-options.js';

/** Injection token of the endpoint options given when the module was defined. */
export const STATIC_ENDPOINT_OPTIONS: unique symbol = Symbol('CHATWIRE_STATIC_ENDPOINT_OPTIONS');

function addEndpoint(definition: DynamicModule, extras: ChatwireModuleExtras): DynamicModule {
  const endpoint: ChatwireEndpointOptions | undefined = extras.endpoint;
  const providers: Provider[] = [
    ...(definition.providers ?? []),
    { provide: STATIC_ENDPOINT_OPTIONS, useValue: endpoint ?? null },
  ];
  const path = endpoint?.path;
  const controllers = path === undefined ? [] : [createChatCompletionsController(path)];
  return { ...definition, global: extras.isGlobal === true, providers, controllers };
}

/**
 * The generated base class of `ChatwireModule` and the injection token of its options
 * (`CHATWIRE_MODULE_OPTIONS`): what `forRoot` was given, or what `forRootAsync`'s factory made.
 */
export const {
  ConfigurableModuleClass: ConfigurableChatwireModule,
  MODULE_OPTIONS_TOKEN: CHATWIRE_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<ChatwireModuleOptions>({ moduleName: 'Chatwire' })
  .setClassMethodName('forRoot')
  .setExtras<ChatwireModuleExtras>({ isGlobal: false, endpoint: undefined }, addEndpoint)
  .build();
