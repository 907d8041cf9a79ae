export {
  type ChatFinishInfo,
  type ChatPolicyOptions,
  type ChatRequestContext,
  type ChatRequestDenial,
  ChatRequestError,
  type ChatUpstreamOptions,
  DEFAULT_ALLOWED_PARAMETERS,
  DEFAULT_TRACE_ID_SOURCES,
  type ModelAllowFunction,
  type OpenAIErrorBody,
  type TraceIdSource,
} from '@chatwire/core/server';
export {
  type ChatCompletionsMiddleware,
  type ChatCompletionsOptions,
  type ChatCompletionsRequest,
  chatCompletions,
} from './chat-completions.js';
