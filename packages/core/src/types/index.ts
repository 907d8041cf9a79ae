export type {
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
  ChatCompletionChunkFunctionCallDelta,
  ChatCompletionChunkToolCallDelta,
} from './chunk.js';
export type {
  ChatCompletion,
  ChatCompletionAudio,
  ChatCompletionChoice,
  ChatCompletionFinishReason,
  ChatCompletionMessage,
} from './completion.js';
export type {
  ChatCompletionContentBlock,
  ChatCompletionContentPart,
  ChatCompletionContentPartFile,
  ChatCompletionContentPartImage,
  ChatCompletionContentPartInputAudio,
  ChatCompletionContentPartRedactedThinking,
  ChatCompletionContentPartRefusal,
  ChatCompletionContentPartText,
  ChatCompletionContentPartThinking,
} from './content-parts.js';
export type {
  ChatCompletionLogprobs,
  ChatCompletionTokenLogprob,
  ChatCompletionTopLogprob,
} from './logprobs.js';
export type {
  ChatCompletionAssistantContentPart,
  ChatCompletionAssistantMessageParam,
  ChatCompletionDeveloperMessageParam,
  ChatCompletionFunctionMessageParam,
  ChatCompletionMessageParam,
  ChatCompletionRole,
  ChatCompletionSystemMessageParam,
  ChatCompletionToolMessageParam,
  ChatCompletionUserMessageParam,
} from './messages.js';
export type { ChatModel } from './models.js';
export type {
  ChatCompletionAudioParam,
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsBase,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionPredictionContent,
  ChatCompletionReasoningEffort,
  ChatCompletionServiceTier,
  ChatCompletionStreamOptions,
  ChatCompletionThinkingParam,
} from './request.js';
export type {
  ResponseFormat,
  ResponseFormatJSONObject,
  ResponseFormatJSONSchema,
  ResponseFormatText,
} from './response-format.js';
export type {
  ChatCompletionFunction,
  ChatCompletionFunctionCall,
  ChatCompletionFunctionCallOption,
  ChatCompletionMessageToolCall,
  ChatCompletionNamedToolChoice,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
  FunctionDefinition,
  FunctionParameters,
} from './tools.js';
export type { CompletionTokensDetails, CompletionUsage, PromptTokensDetails } from './usage.js';
