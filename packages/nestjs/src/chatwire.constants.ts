/**
 * Injection token of the {@link ChatwireClient} the module creates. Inject it with
 * `@InjectChatwireClient()` (or `@Inject(CHATWIRE_CLIENT)`).
 */
export const CHATWIRE_CLIENT: unique symbol = Symbol('CHATWIRE_CLIENT');

/**
 * Injection token of the chat completions handler (`createChatCompletionsHandler` of
 * `@chatwire/core/server`) built from the module's endpoint options and client: what a
 * controller made with `createChatCompletionsController` serves requests with.
 */
export const CHATWIRE_ENDPOINT: unique symbol = Symbol('CHATWIRE_ENDPOINT');
