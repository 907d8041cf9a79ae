import { describe, expect, it } from 'vitest';
import type {
  ChatCompletion,
  ChatCompletionAssistantMessageParam,
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
  ChatCompletionChunkFunctionCallDelta,
  ChatCompletionChunkToolCallDelta,
  ChatCompletionContentPartImage,
  ChatCompletionContentPartRedactedThinking,
  ChatCompletionContentPartText,
  ChatCompletionContentPartThinking,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionDeveloperMessageParam,
  ChatCompletionFunction,
  ChatCompletionFunctionCall,
  ChatCompletionFunctionCallOption,
  ChatCompletionFunctionMessageParam,
  ChatCompletionLogprobs,
  ChatCompletionMessage,
  ChatCompletionMessageToolCall,
  ChatCompletionNamedToolChoice,
  ChatCompletionStreamOptions,
  ChatCompletionSystemMessageParam,
  ChatCompletionThinkingParam,
  ChatCompletionTokenLogprob,
  ChatCompletionTool,
  ChatCompletionToolMessageParam,
  ChatCompletionTopLogprob,
  ChatCompletionUserMessageParam,
  CompletionTokensDetails,
  CompletionUsage,
  FunctionDefinition,
  PromptTokensDetails,
  ResponseFormatJSONObject,
  ResponseFormatJSONSchema,
  ResponseFormatText,
} from '../../src/types/index.js';
import fixture from '../fixtures/openapi-properties.json' with { type: 'json' };

/**
 * Every property of `T`, marked as TypeScript sees it. An object literal checked against this
 * with `satisfies` must name each property exactly once with the right mark, so adding,
 * removing or making optional a property of `T` without updating the list fails typecheck.
 */
type Presence<T> = { [K in keyof T]-?: object extends Pick<T, K> ? 'optional' : 'required' };

const functionCall = {
  name: 'required',
  arguments: 'required',
} as const satisfies Presence<ChatCompletionFunctionCall>;

const functionCallDelta = {
  name: 'optional',
  arguments: 'optional',
} as const satisfies Presence<ChatCompletionChunkFunctionCallDelta>;

const usage = {
  prompt_tokens: 'required',
  completion_tokens: 'required',
  total_tokens: 'required',
  prompt_tokens_details: 'optional',
  completion_tokens_details: 'optional',
} as const satisfies Presence<CompletionUsage>;

const logprobs = {
  content: 'required',
  refusal: 'optional',
} as const satisfies Presence<ChatCompletionLogprobs>;

/** Our declared properties, keyed by the spec schema (path) each type describes. */
const declared: Record<string, Record<string, 'required' | 'optional'>> = {
  CreateChatCompletionRequest: {
    messages: 'required',
    model: 'required',
    frequency_penalty: 'optional',
    logit_bias: 'optional',
    logprobs: 'optional',
    top_logprobs: 'optional',
    max_tokens: 'optional',
    max_completion_tokens: 'optional',
    n: 'optional',
    presence_penalty: 'optional',
    response_format: 'optional',
    seed: 'optional',
    stop: 'optional',
    stream: 'optional',
    stream_options: 'optional',
    thinking: 'optional',
    temperature: 'optional',
    top_p: 'optional',
    tools: 'optional',
    tool_choice: 'optional',
    parallel_tool_calls: 'optional',
    user: 'optional',
    function_call: 'optional',
    functions: 'optional',
    modalities: 'optional',
    audio: 'optional',
    prediction: 'optional',
    reasoning_effort: 'optional',
    service_tier: 'optional',
    store: 'optional',
    metadata: 'optional',
  } satisfies Presence<ChatCompletionCreateParamsNonStreaming>,
  'CreateChatCompletionRequest.thinking': {
    type: 'required',
    budget_tokens: 'optional',
  } satisfies Presence<ChatCompletionThinkingParam>,
  CreateChatCompletionResponse: {
    id: 'required',
    object: 'required',
    created: 'required',
    model: 'required',
    choices: 'required',
    usage: 'optional',
    system_fingerprint: 'optional',
    service_tier: 'optional',
  } satisfies Presence<ChatCompletion>,
  'CreateChatCompletionResponse.choices[]': {
    index: 'required',
    message: 'required',
    finish_reason: 'required',
    logprobs: 'optional',
  } satisfies Presence<ChatCompletionChoice>,
  'CreateChatCompletionResponse.choices[].logprobs': logprobs,
  ChatCompletionResponseMessage: {
    role: 'required',
    content: 'required',
    refusal: 'optional',
    tool_calls: 'optional',
    function_call: 'optional',
    audio: 'optional',
    content_blocks: 'optional',
  } satisfies Presence<ChatCompletionMessage>,
  'ChatCompletionResponseMessage.function_call': functionCall,
  CreateChatCompletionStreamResponse: {
    id: 'required',
    object: 'required',
    created: 'required',
    model: 'required',
    choices: 'required',
    usage: 'optional',
    system_fingerprint: 'optional',
    service_tier: 'optional',
  } satisfies Presence<ChatCompletionChunk>,
  'CreateChatCompletionStreamResponse.choices[]': {
    index: 'required',
    delta: 'required',
    finish_reason: 'required',
    logprobs: 'optional',
  } satisfies Presence<ChatCompletionChunkChoice>,
  'CreateChatCompletionStreamResponse.choices[].logprobs': logprobs,
  'CreateChatCompletionStreamResponse.usage': usage,
  ChatCompletionStreamResponseDelta: {
    role: 'optional',
    content: 'optional',
    refusal: 'optional',
    tool_calls: 'optional',
    function_call: 'optional',
  } satisfies Presence<ChatCompletionChunkDelta>,
  'ChatCompletionStreamResponseDelta.function_call': functionCallDelta,
  CompletionUsage: usage,
  'CompletionUsage.completion_tokens_details': {
    reasoning_tokens: 'optional',
    accepted_prediction_tokens: 'optional',
    rejected_prediction_tokens: 'optional',
    audio_tokens: 'optional',
  } satisfies Presence<CompletionTokensDetails>,
  'CompletionUsage.prompt_tokens_details': {
    cached_tokens: 'optional',
    audio_tokens: 'optional',
  } satisfies Presence<PromptTokensDetails>,
  ChatCompletionTokenLogprob: {
    token: 'required',
    logprob: 'required',
    bytes: 'required',
    top_logprobs: 'required',
  } satisfies Presence<ChatCompletionTokenLogprob>,
  'ChatCompletionTokenLogprob.top_logprobs[]': {
    token: 'required',
    logprob: 'required',
    bytes: 'required',
  } satisfies Presence<ChatCompletionTopLogprob>,
  ChatCompletionRequestSystemMessage: {
    role: 'required',
    content: 'required',
    name: 'optional',
  } satisfies Presence<ChatCompletionSystemMessageParam>,
  ChatCompletionRequestDeveloperMessage: {
    role: 'required',
    content: 'required',
    name: 'optional',
  } satisfies Presence<ChatCompletionDeveloperMessageParam>,
  ChatCompletionRequestUserMessage: {
    role: 'required',
    content: 'required',
    name: 'optional',
  } satisfies Presence<ChatCompletionUserMessageParam>,
  ChatCompletionRequestAssistantMessage: {
    role: 'required',
    content: 'optional',
    name: 'optional',
    refusal: 'optional',
    tool_calls: 'optional',
    function_call: 'optional',
    audio: 'optional',
  } satisfies Presence<ChatCompletionAssistantMessageParam>,
  'ChatCompletionRequestAssistantMessage.function_call': functionCall,
  ChatCompletionRequestToolMessage: {
    role: 'required',
    content: 'required',
    tool_call_id: 'required',
  } satisfies Presence<ChatCompletionToolMessageParam>,
  ChatCompletionRequestFunctionMessage: {
    role: 'required',
    content: 'required',
    name: 'required',
  } satisfies Presence<ChatCompletionFunctionMessageParam>,
  ChatCompletionRequestMessageContentPartText: {
    type: 'required',
    text: 'required',
  } satisfies Presence<ChatCompletionContentPartText>,
  ChatCompletionRequestMessageContentPartImage: {
    type: 'required',
    image_url: 'required',
  } satisfies Presence<ChatCompletionContentPartImage>,
  'ChatCompletionRequestMessageContentPartImage.image_url': {
    url: 'required',
    detail: 'optional',
  } satisfies Presence<ChatCompletionContentPartImage.ImageURL>,
  ChatCompletionMessageContentPartThinking: {
    type: 'required',
    thinking: 'required',
    signature: 'optional',
  } satisfies Presence<ChatCompletionContentPartThinking>,
  ChatCompletionMessageContentPartRedactedThinking: {
    type: 'required',
    data: 'required',
  } satisfies Presence<ChatCompletionContentPartRedactedThinking>,
  ChatCompletionTool: {
    type: 'required',
    function: 'required',
  } satisfies Presence<ChatCompletionTool>,
  FunctionObject: {
    name: 'required',
    description: 'optional',
    parameters: 'optional',
    strict: 'optional',
  } satisfies Presence<FunctionDefinition>,
  ChatCompletionFunctions: {
    name: 'required',
    description: 'optional',
    parameters: 'optional',
  } satisfies Presence<ChatCompletionFunction>,
  ChatCompletionNamedToolChoice: {
    type: 'required',
    function: 'required',
  } satisfies Presence<ChatCompletionNamedToolChoice>,
  'ChatCompletionNamedToolChoice.function': {
    name: 'required',
  } satisfies Presence<ChatCompletionNamedToolChoice.Function>,
  ChatCompletionFunctionCallOption: {
    name: 'required',
  } satisfies Presence<ChatCompletionFunctionCallOption>,
  ChatCompletionMessageToolCall: {
    id: 'required',
    type: 'required',
    function: 'required',
  } satisfies Presence<ChatCompletionMessageToolCall>,
  'ChatCompletionMessageToolCall.function': functionCall,
  ChatCompletionMessageToolCallChunk: {
    index: 'required',
    id: 'optional',
    type: 'optional',
    function: 'optional',
  } satisfies Presence<ChatCompletionChunkToolCallDelta>,
  'ChatCompletionMessageToolCallChunk.function': functionCallDelta,
  ChatCompletionStreamOptions: {
    include_usage: 'optional',
  } satisfies Presence<ChatCompletionStreamOptions>,
  ResponseFormatText: { type: 'required' } satisfies Presence<ResponseFormatText>,
  ResponseFormatJsonObject: { type: 'required' } satisfies Presence<ResponseFormatJSONObject>,
  ResponseFormatJsonSchema: {
    type: 'required',
    json_schema: 'required',
  } satisfies Presence<ResponseFormatJSONSchema>,
  'ResponseFormatJsonSchema.json_schema': {
    name: 'required',
    description: 'optional',
    schema: 'optional',
    strict: 'optional',
  } satisfies Presence<ResponseFormatJSONSchema.JSONSchema>,
};

/**
 * Properties the spec requires that the types deliberately leave optional, because providers
 * behind Portkey leave them out of real responses.
 */
const optionalDespiteSpec: Record<string, string[]> = {
  'CreateChatCompletionResponse.choices[]': ['logprobs'],
};

const specSchemas: Record<string, { properties: string[]; required: string[] }> = fixture.schemas;

describe('chat completion types against the Portkey OpenAPI spec', () => {
  it('maps every schema of the fixture to a declared type, and no other', () => {
    expect(Object.keys(declared).sort()).toEqual(Object.keys(specSchemas).sort());
  });

  it.each(Object.entries(specSchemas))(
    '%s: every property the spec lists is declared',
    (path, schema) => {
      const ours = declared[path] ?? {};
      const missing = schema.properties.filter((name) => !(name in ours));
      expect(missing).toEqual([]);
    },
  );

  it.each(Object.entries(specSchemas))(
    '%s: properties the spec requires are required',
    (path, schema) => {
      const ours = declared[path] ?? {};
      const allowed = optionalDespiteSpec[path] ?? [];
      const notRequired = schema.required.filter(
        (name) => ours[name] !== 'required' && !allowed.includes(name),
      );
      expect(notRequired).toEqual([]);
    },
  );

  it.each(Object.entries(specSchemas))(
    '%s: properties the spec leaves optional are optional',
    (path, schema) => {
      const ours = declared[path] ?? {};
      const requiredHere = schema.properties.filter(
        (name) => ours[name] === 'required' && !schema.required.includes(name),
      );
      expect(requiredHere).toEqual([]);
    },
  );
});
