// The properties each chat completion type declares, as lists the OpenAPI coverage tests read:
// the type tests check each list against its type, the runtime tests against the spec fixture.

/**
 * Every property of `T`, marked as TypeScript sees it. The type tests compare each list below
 * with this, so adding, removing or making optional a property of a type without updating its
 * list fails them.
 */
export type Presence<T> = {
  readonly [K in keyof T]-?: object extends Pick<T, K> ? 'optional' : 'required';
};

const functionCall = {
  name: 'required',
  arguments: 'required',
} as const;

const functionCallDelta = {
  name: 'optional',
  arguments: 'optional',
} as const;

const usage = {
  prompt_tokens: 'required',
  completion_tokens: 'required',
  total_tokens: 'required',
  prompt_tokens_details: 'optional',
  completion_tokens_details: 'optional',
} as const;

const logprobs = {
  content: 'required',
  refusal: 'optional',
} as const;

/** Our declared properties, keyed by the spec schema (path) each type describes. */
export const declaredProperties = {
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
  },
  'CreateChatCompletionRequest.thinking': {
    type: 'required',
    budget_tokens: 'optional',
  },
  CreateChatCompletionResponse: {
    id: 'required',
    object: 'required',
    created: 'required',
    model: 'required',
    choices: 'required',
    usage: 'optional',
    system_fingerprint: 'optional',
    service_tier: 'optional',
  },
  'CreateChatCompletionResponse.choices[]': {
    index: 'required',
    message: 'required',
    finish_reason: 'required',
    logprobs: 'optional',
  },
  'CreateChatCompletionResponse.choices[].logprobs': logprobs,
  ChatCompletionResponseMessage: {
    role: 'required',
    content: 'required',
    refusal: 'optional',
    tool_calls: 'optional',
    function_call: 'optional',
    audio: 'optional',
    content_blocks: 'optional',
  },
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
  },
  'CreateChatCompletionStreamResponse.choices[]': {
    index: 'required',
    delta: 'required',
    finish_reason: 'required',
    logprobs: 'optional',
  },
  'CreateChatCompletionStreamResponse.choices[].logprobs': logprobs,
  'CreateChatCompletionStreamResponse.usage': usage,
  ChatCompletionStreamResponseDelta: {
    role: 'optional',
    content: 'optional',
    refusal: 'optional',
    tool_calls: 'optional',
    function_call: 'optional',
  },
  'ChatCompletionStreamResponseDelta.function_call': functionCallDelta,
  CompletionUsage: usage,
  'CompletionUsage.completion_tokens_details': {
    reasoning_tokens: 'optional',
    accepted_prediction_tokens: 'optional',
    rejected_prediction_tokens: 'optional',
    audio_tokens: 'optional',
  },
  'CompletionUsage.prompt_tokens_details': {
    cached_tokens: 'optional',
    audio_tokens: 'optional',
  },
  ChatCompletionTokenLogprob: {
    token: 'required',
    logprob: 'required',
    bytes: 'required',
    top_logprobs: 'required',
  },
  'ChatCompletionTokenLogprob.top_logprobs[]': {
    token: 'required',
    logprob: 'required',
    bytes: 'required',
  },
  ChatCompletionRequestSystemMessage: {
    role: 'required',
    content: 'required',
    name: 'optional',
  },
  ChatCompletionRequestDeveloperMessage: {
    role: 'required',
    content: 'required',
    name: 'optional',
  },
  ChatCompletionRequestUserMessage: {
    role: 'required',
    content: 'required',
    name: 'optional',
  },
  ChatCompletionRequestAssistantMessage: {
    role: 'required',
    content: 'optional',
    name: 'optional',
    refusal: 'optional',
    tool_calls: 'optional',
    function_call: 'optional',
    audio: 'optional',
  },
  'ChatCompletionRequestAssistantMessage.function_call': functionCall,
  ChatCompletionRequestToolMessage: {
    role: 'required',
    content: 'required',
    tool_call_id: 'required',
  },
  ChatCompletionRequestFunctionMessage: {
    role: 'required',
    content: 'required',
    name: 'required',
  },
  ChatCompletionRequestMessageContentPartText: {
    type: 'required',
    text: 'required',
  },
  ChatCompletionRequestMessageContentPartImage: {
    type: 'required',
    image_url: 'required',
  },
  'ChatCompletionRequestMessageContentPartImage.image_url': {
    url: 'required',
    detail: 'optional',
  },
  ChatCompletionMessageContentPartThinking: {
    type: 'required',
    thinking: 'required',
    signature: 'optional',
  },
  ChatCompletionMessageContentPartRedactedThinking: {
    type: 'required',
    data: 'required',
  },
  ChatCompletionTool: {
    type: 'required',
    function: 'required',
  },
  FunctionObject: {
    name: 'required',
    description: 'optional',
    parameters: 'optional',
    strict: 'optional',
  },
  ChatCompletionFunctions: {
    name: 'required',
    description: 'optional',
    parameters: 'optional',
  },
  ChatCompletionNamedToolChoice: {
    type: 'required',
    function: 'required',
  },
  'ChatCompletionNamedToolChoice.function': {
    name: 'required',
  },
  ChatCompletionFunctionCallOption: {
    name: 'required',
  },
  ChatCompletionMessageToolCall: {
    id: 'required',
    type: 'required',
    function: 'required',
  },
  'ChatCompletionMessageToolCall.function': functionCall,
  ChatCompletionMessageToolCallChunk: {
    index: 'required',
    id: 'optional',
    type: 'optional',
    function: 'optional',
  },
  'ChatCompletionMessageToolCallChunk.function': functionCallDelta,
  ChatCompletionStreamOptions: {
    include_usage: 'optional',
  },
  ResponseFormatText: { type: 'required' },
  ResponseFormatJsonObject: { type: 'required' },
  ResponseFormatJsonSchema: {
    type: 'required',
    json_schema: 'required',
  },
  'ResponseFormatJsonSchema.json_schema': {
    name: 'required',
    description: 'optional',
    schema: 'optional',
    strict: 'optional',
  },
} as const;
