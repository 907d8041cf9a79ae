import type { ChatCompletionsHandlerOptions } from '@chatwire/core/server';

/**
 * The chat endpoint's policy and hooks: the options of `createChatCompletionsHandler` from
 * `@chatwire/core/server`, the same ones `@chatwire/express` takes (`allowedModels`,
 * `defaultModel`, `allowedParameters`, `maxTokens`, `portkeyOptions`, `onRequest`, `onFinish`,
 * `onError`, …), without `client`: the endpoint always calls through the module's client.
 */
export type ChatwireEndpointSettings = Omit<ChatCompletionsHandlerOptions, 'client'>;

/** Where the chat endpoint is mounted, and how it behaves. */
export interface ChatwireEndpointOptions extends ChatwireEndpointSettings {
  /**
   * Mounts the endpoint at this route path, e.g. `'api/chat'` (a global prefix set with
   * `app.setGlobalPrefix` applies in front of it): it answers `POST` there, other methods get
   * 405. Omit it to mount nothing, e.g. to declare the controller in a module of your own with
   * `createChatCompletionsController`. Only read when the module is defined: give it to
   * `forRoot()` or to `forRootAsync()` itself, not from `useFactory`.
   */
  path?: string;
}
