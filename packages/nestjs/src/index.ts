export {
  type ChatCompletionStreamParams,
  ChatCompletionsService,
} from './chat-completions.service.js';
export {
  type ChatCompletionsControllerShape,
  createChatCompletionsController,
} from './chat-completions-controller.js';
export { CHATWIRE_CLIENT, CHATWIRE_ENDPOINT } from './chatwire.constants.js';
export { ChatwireModule } from './chatwire.module.js';
export type {
  ChatwireEndpointOptions,
  ChatwireEndpointSettings,
} from './chatwire-endpoint-options.js';
export { ChatwireExceptionFilter } from './chatwire-exception.filter.js';
export { CHATWIRE_MODULE_OPTIONS } from './chatwire-module-definition.js';
export type {
  ChatwireModuleAsyncOptions,
  ChatwireModuleExtras,
  ChatwireModuleOptions,
  ChatwireModuleRootOptions,
} from './chatwire-module-options.js';
export { InjectChatwireClient } from './inject-chatwire-client.decorator.js';
export type { PlatformRequest, PlatformResponse } from './platform-exchange.js';
