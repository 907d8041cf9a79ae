import { describe, expectTypeOf, it } from 'vitest';
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
import { declaredProperties, type Presence } from './declared-properties.js';

describe('the declared property lists the spec coverage reads', () => {
  it('CreateChatCompletionRequest lists every property of ChatCompletionCreateParamsNonStreaming, marked as it is', () => {
    expectTypeOf(declaredProperties.CreateChatCompletionRequest).toEqualTypeOf<
      Presence<ChatCompletionCreateParamsNonStreaming>
    >();
  });

  it('CreateChatCompletionRequest.thinking lists every property of ChatCompletionThinkingParam, marked as it is', () => {
    expectTypeOf(declaredProperties['CreateChatCompletionRequest.thinking']).toEqualTypeOf<
      Presence<ChatCompletionThinkingParam>
    >();
  });

  it('CreateChatCompletionResponse lists every property of ChatCompletion, marked as it is', () => {
    expectTypeOf(declaredProperties.CreateChatCompletionResponse).toEqualTypeOf<
      Presence<ChatCompletion>
    >();
  });

  it('CreateChatCompletionResponse.choices[] lists every property of ChatCompletionChoice, marked as it is', () => {
    expectTypeOf(declaredProperties['CreateChatCompletionResponse.choices[]']).toEqualTypeOf<
      Presence<ChatCompletionChoice>
    >();
  });

  it('CreateChatCompletionResponse.choices[].logprobs lists every property of ChatCompletionLogprobs, marked as it is', () => {
    expectTypeOf(
      declaredProperties['CreateChatCompletionResponse.choices[].logprobs'],
    ).toEqualTypeOf<Presence<ChatCompletionLogprobs>>();
  });

  it('ChatCompletionResponseMessage lists every property of ChatCompletionMessage, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionResponseMessage).toEqualTypeOf<
      Presence<ChatCompletionMessage>
    >();
  });

  it('ChatCompletionResponseMessage.function_call lists every property of ChatCompletionFunctionCall, marked as it is', () => {
    expectTypeOf(declaredProperties['ChatCompletionResponseMessage.function_call']).toEqualTypeOf<
      Presence<ChatCompletionFunctionCall>
    >();
  });

  it('CreateChatCompletionStreamResponse lists every property of ChatCompletionChunk, marked as it is', () => {
    expectTypeOf(declaredProperties.CreateChatCompletionStreamResponse).toEqualTypeOf<
      Presence<ChatCompletionChunk>
    >();
  });

  it('CreateChatCompletionStreamResponse.choices[] lists every property of ChatCompletionChunkChoice, marked as it is', () => {
    expectTypeOf(declaredProperties['CreateChatCompletionStreamResponse.choices[]']).toEqualTypeOf<
      Presence<ChatCompletionChunkChoice>
    >();
  });

  it('CreateChatCompletionStreamResponse.choices[].logprobs lists every property of ChatCompletionLogprobs, marked as it is', () => {
    expectTypeOf(
      declaredProperties['CreateChatCompletionStreamResponse.choices[].logprobs'],
    ).toEqualTypeOf<Presence<ChatCompletionLogprobs>>();
  });

  it('CreateChatCompletionStreamResponse.usage lists every property of CompletionUsage, marked as it is', () => {
    expectTypeOf(declaredProperties['CreateChatCompletionStreamResponse.usage']).toEqualTypeOf<
      Presence<CompletionUsage>
    >();
  });

  it('ChatCompletionStreamResponseDelta lists every property of ChatCompletionChunkDelta, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionStreamResponseDelta).toEqualTypeOf<
      Presence<ChatCompletionChunkDelta>
    >();
  });

  it('ChatCompletionStreamResponseDelta.function_call lists every property of ChatCompletionChunkFunctionCallDelta, marked as it is', () => {
    expectTypeOf(
      declaredProperties['ChatCompletionStreamResponseDelta.function_call'],
    ).toEqualTypeOf<Presence<ChatCompletionChunkFunctionCallDelta>>();
  });

  it('CompletionUsage lists every property of CompletionUsage, marked as it is', () => {
    expectTypeOf(declaredProperties.CompletionUsage).toEqualTypeOf<Presence<CompletionUsage>>();
  });

  it('CompletionUsage.completion_tokens_details lists every property of CompletionTokensDetails, marked as it is', () => {
    expectTypeOf(declaredProperties['CompletionUsage.completion_tokens_details']).toEqualTypeOf<
      Presence<CompletionTokensDetails>
    >();
  });

  it('CompletionUsage.prompt_tokens_details lists every property of PromptTokensDetails, marked as it is', () => {
    expectTypeOf(declaredProperties['CompletionUsage.prompt_tokens_details']).toEqualTypeOf<
      Presence<PromptTokensDetails>
    >();
  });

  it('ChatCompletionTokenLogprob lists every property of ChatCompletionTokenLogprob, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionTokenLogprob).toEqualTypeOf<
      Presence<ChatCompletionTokenLogprob>
    >();
  });

  it('ChatCompletionTokenLogprob.top_logprobs[] lists every property of ChatCompletionTopLogprob, marked as it is', () => {
    expectTypeOf(declaredProperties['ChatCompletionTokenLogprob.top_logprobs[]']).toEqualTypeOf<
      Presence<ChatCompletionTopLogprob>
    >();
  });

  it('ChatCompletionRequestSystemMessage lists every property of ChatCompletionSystemMessageParam, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionRequestSystemMessage).toEqualTypeOf<
      Presence<ChatCompletionSystemMessageParam>
    >();
  });

  it('ChatCompletionRequestDeveloperMessage lists every property of ChatCompletionDeveloperMessageParam, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionRequestDeveloperMessage).toEqualTypeOf<
      Presence<ChatCompletionDeveloperMessageParam>
    >();
  });

  it('ChatCompletionRequestUserMessage lists every property of ChatCompletionUserMessageParam, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionRequestUserMessage).toEqualTypeOf<
      Presence<ChatCompletionUserMessageParam>
    >();
  });

  it('ChatCompletionRequestAssistantMessage lists every property of ChatCompletionAssistantMessageParam, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionRequestAssistantMessage).toEqualTypeOf<
      Presence<ChatCompletionAssistantMessageParam>
    >();
  });

  it('ChatCompletionRequestAssistantMessage.function_call lists every property of ChatCompletionFunctionCall, marked as it is', () => {
    expectTypeOf(
      declaredProperties['ChatCompletionRequestAssistantMessage.function_call'],
    ).toEqualTypeOf<Presence<ChatCompletionFunctionCall>>();
  });

  it('ChatCompletionRequestToolMessage lists every property of ChatCompletionToolMessageParam, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionRequestToolMessage).toEqualTypeOf<
      Presence<ChatCompletionToolMessageParam>
    >();
  });

  it('ChatCompletionRequestFunctionMessage lists every property of ChatCompletionFunctionMessageParam, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionRequestFunctionMessage).toEqualTypeOf<
      Presence<ChatCompletionFunctionMessageParam>
    >();
  });

  it('ChatCompletionRequestMessageContentPartText lists every property of ChatCompletionContentPartText, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionRequestMessageContentPartText).toEqualTypeOf<
      Presence<ChatCompletionContentPartText>
    >();
  });

  it('ChatCompletionRequestMessageContentPartImage lists every property of ChatCompletionContentPartImage, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionRequestMessageContentPartImage).toEqualTypeOf<
      Presence<ChatCompletionContentPartImage>
    >();
  });

  it('ChatCompletionRequestMessageContentPartImage.image_url lists every property of ChatCompletionContentPartImage.ImageURL, marked as it is', () => {
    expectTypeOf(
      declaredProperties['ChatCompletionRequestMessageContentPartImage.image_url'],
    ).toEqualTypeOf<Presence<ChatCompletionContentPartImage.ImageURL>>();
  });

  it('ChatCompletionMessageContentPartThinking lists every property of ChatCompletionContentPartThinking, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionMessageContentPartThinking).toEqualTypeOf<
      Presence<ChatCompletionContentPartThinking>
    >();
  });

  it('ChatCompletionMessageContentPartRedactedThinking lists every property of ChatCompletionContentPartRedactedThinking, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionMessageContentPartRedactedThinking).toEqualTypeOf<
      Presence<ChatCompletionContentPartRedactedThinking>
    >();
  });

  it('ChatCompletionTool lists every property of ChatCompletionTool, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionTool).toEqualTypeOf<
      Presence<ChatCompletionTool>
    >();
  });

  it('FunctionObject lists every property of FunctionDefinition, marked as it is', () => {
    expectTypeOf(declaredProperties.FunctionObject).toEqualTypeOf<Presence<FunctionDefinition>>();
  });

  it('ChatCompletionFunctions lists every property of ChatCompletionFunction, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionFunctions).toEqualTypeOf<
      Presence<ChatCompletionFunction>
    >();
  });

  it('ChatCompletionNamedToolChoice lists every property of ChatCompletionNamedToolChoice, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionNamedToolChoice).toEqualTypeOf<
      Presence<ChatCompletionNamedToolChoice>
    >();
  });

  it('ChatCompletionNamedToolChoice.function lists every property of ChatCompletionNamedToolChoice.Function, marked as it is', () => {
    expectTypeOf(declaredProperties['ChatCompletionNamedToolChoice.function']).toEqualTypeOf<
      Presence<ChatCompletionNamedToolChoice.Function>
    >();
  });

  it('ChatCompletionFunctionCallOption lists every property of ChatCompletionFunctionCallOption, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionFunctionCallOption).toEqualTypeOf<
      Presence<ChatCompletionFunctionCallOption>
    >();
  });

  it('ChatCompletionMessageToolCall lists every property of ChatCompletionMessageToolCall, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionMessageToolCall).toEqualTypeOf<
      Presence<ChatCompletionMessageToolCall>
    >();
  });

  it('ChatCompletionMessageToolCall.function lists every property of ChatCompletionFunctionCall, marked as it is', () => {
    expectTypeOf(declaredProperties['ChatCompletionMessageToolCall.function']).toEqualTypeOf<
      Presence<ChatCompletionFunctionCall>
    >();
  });

  it('ChatCompletionMessageToolCallChunk lists every property of ChatCompletionChunkToolCallDelta, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionMessageToolCallChunk).toEqualTypeOf<
      Presence<ChatCompletionChunkToolCallDelta>
    >();
  });

  it('ChatCompletionMessageToolCallChunk.function lists every property of ChatCompletionChunkFunctionCallDelta, marked as it is', () => {
    expectTypeOf(declaredProperties['ChatCompletionMessageToolCallChunk.function']).toEqualTypeOf<
      Presence<ChatCompletionChunkFunctionCallDelta>
    >();
  });

  it('ChatCompletionStreamOptions lists every property of ChatCompletionStreamOptions, marked as it is', () => {
    expectTypeOf(declaredProperties.ChatCompletionStreamOptions).toEqualTypeOf<
      Presence<ChatCompletionStreamOptions>
    >();
  });

  it('ResponseFormatText lists every property of ResponseFormatText, marked as it is', () => {
    expectTypeOf(declaredProperties.ResponseFormatText).toEqualTypeOf<
      Presence<ResponseFormatText>
    >();
  });

  it('ResponseFormatJsonObject lists every property of ResponseFormatJSONObject, marked as it is', () => {
    expectTypeOf(declaredProperties.ResponseFormatJsonObject).toEqualTypeOf<
      Presence<ResponseFormatJSONObject>
    >();
  });

  it('ResponseFormatJsonSchema lists every property of ResponseFormatJSONSchema, marked as it is', () => {
    expectTypeOf(declaredProperties.ResponseFormatJsonSchema).toEqualTypeOf<
      Presence<ResponseFormatJSONSchema>
    >();
  });

  it('ResponseFormatJsonSchema.json_schema lists every property of ResponseFormatJSONSchema.JSONSchema, marked as it is', () => {
    expectTypeOf(declaredProperties['ResponseFormatJsonSchema.json_schema']).toEqualTypeOf<
      Presence<ResponseFormatJSONSchema.JSONSchema>
    >();
  });
});
