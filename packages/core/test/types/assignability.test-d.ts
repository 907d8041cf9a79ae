import { assertType, describe, expectTypeOf, it } from 'vitest';
import type {
  ChatCompletion,
  ChatCompletionAssistantMessageParam,
  ChatCompletionChunk,
  ChatCompletionChunkToolCallDelta,
  ChatCompletionContentPart,
  ChatCompletionContentPartImage,
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionFinishReason,
  ChatCompletionMessageParam,
  ChatCompletionToolChoiceOption,
  ChatCompletionUserMessageParam,
  ResponseFormat,
} from '../../src/types/index.js';

/** How a client's `create` picks its result from the request type. */
type ResultOf<P extends ChatCompletionCreateParams> = P extends ChatCompletionCreateParamsStreaming
  ? AsyncIterable<ChatCompletionChunk>
  : ChatCompletion;

describe('request types', () => {
  it('tells streaming from non-streaming requests by `stream`', () => {
    expectTypeOf<ChatCompletionCreateParamsStreaming>().not.toExtend<ChatCompletionCreateParamsNonStreaming>();
    expectTypeOf<ChatCompletionCreateParamsNonStreaming>().not.toExtend<ChatCompletionCreateParamsStreaming>();
    expectTypeOf<ResultOf<ChatCompletionCreateParamsStreaming>>().toEqualTypeOf<
      AsyncIterable<ChatCompletionChunk>
    >();
    expectTypeOf<
      ResultOf<ChatCompletionCreateParamsNonStreaming>
    >().toEqualTypeOf<ChatCompletion>();

    const streamed = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
    } satisfies ChatCompletionCreateParams;
    expectTypeOf(streamed).toExtend<ChatCompletionCreateParamsStreaming>();
    expectTypeOf(streamed).not.toExtend<ChatCompletionCreateParamsNonStreaming>();
  });

  it('accepts `stream` left out, false or null as non-streaming', () => {
    assertType<ChatCompletionCreateParamsNonStreaming>({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'a' }],
    });
    assertType<ChatCompletionCreateParamsNonStreaming>({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'b' }],
      stream: false,
    });
    assertType<ChatCompletionCreateParamsNonStreaming>({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'c' }],
      stream: null,
    });
  });

  it('rejects properties the request does not declare', () => {
    assertType<ChatCompletionCreateParamsNonStreaming>({
      model: 'any-provider-model',
      messages: [{ role: 'user', content: 'Hi' }],
      // @ts-expect-error -- provider-specific fields need an explicitly widened type
      top_k: 40,
    });
    const widened: ChatCompletionCreateParamsNonStreaming & { top_k: number } = {
      model: 'any-provider-model',
      messages: [{ role: 'user', content: 'Hi' }],
      top_k: 40,
    };
    expectTypeOf(widened).toExtend<ChatCompletionCreateParamsNonStreaming>();
  });

  it('types tool_choice and response_format as the spec lists them', () => {
    expectTypeOf<'none'>().toExtend<ChatCompletionToolChoiceOption>();
    expectTypeOf<'auto'>().toExtend<ChatCompletionToolChoiceOption>();
    expectTypeOf<'required'>().toExtend<ChatCompletionToolChoiceOption>();
    expectTypeOf<{
      type: 'function';
      function: { name: 'lookup' };
    }>().toExtend<ChatCompletionToolChoiceOption>();
    expectTypeOf<'any'>().not.toExtend<ChatCompletionToolChoiceOption>();

    assertType<ResponseFormat>({
      type: 'json_schema',
      json_schema: {
        name: 'weather',
        description: 'A forecast',
        schema: { type: 'object', properties: { celsius: { type: 'number' } } },
        strict: true,
      },
    });
    // @ts-expect-error -- a JSON schema format must be named
    assertType<ResponseFormat>({ type: 'json_schema', json_schema: { strict: true } });
  });
});

describe('message types', () => {
  it('accepts an assistant message with tool calls and no content', () => {
    const assistant = {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'weather', arguments: '{"city":"Paris"}' },
        },
      ],
    } satisfies ChatCompletionAssistantMessageParam;
    expectTypeOf(assistant).toExtend<ChatCompletionMessageParam>();

    assertType<ChatCompletionMessageParam[]>([
      { role: 'user', content: 'Weather in Paris?' },
      assistant,
      { role: 'tool', tool_call_id: 'call_1', content: '18' },
    ]);
  });

  it('accepts image_url parts, with or without detail, as user content', () => {
    assertType<ChatCompletionUserMessageParam>({
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
      ],
    });
    expectTypeOf<ChatCompletionContentPartImage>().toExtend<ChatCompletionContentPart>();
    expectTypeOf<ChatCompletionContentPartImage.ImageURL['detail']>().toEqualTypeOf<
      'auto' | 'low' | 'high' | undefined
    >();
  });

  it('rejects messages that break their role’s shape', () => {
    assertType<ChatCompletionMessageParam[]>([
      // @ts-expect-error -- a tool message must name the call it answers
      { role: 'tool', content: 'x' },
      // @ts-expect-error -- only assistant messages carry tool calls
      { role: 'user', content: 'x', tool_calls: [] },
      // @ts-expect-error -- a function message must name its function
      { role: 'function', content: 'x' },
      {
        role: 'user',
        // @ts-expect-error -- detail is one of auto, low, high
        content: [{ type: 'image_url', image_url: { url: 'https://example.com', detail: 'max' } }],
      },
    ]);
  });

  it('narrows a message to its role', () => {
    const calledFunctions = (message: ChatCompletionMessageParam) => {
      if (message.role !== 'assistant') return [];
      expectTypeOf(message).toEqualTypeOf<ChatCompletionAssistantMessageParam>();
      return (message.tool_calls ?? []).map((call) => call.function.name);
    };
    expectTypeOf(calledFunctions).returns.toEqualTypeOf<string[]>();
  });
});

describe('response types', () => {
  it('lists the finish reasons of the spec', () => {
    expectTypeOf<ChatCompletionFinishReason>().toEqualTypeOf<
      'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call'
    >();
    expectTypeOf<
      ChatCompletion['choices'][number]['finish_reason']
    >().toEqualTypeOf<ChatCompletionFinishReason | null>();
  });

  it('carries tool call pieces by index in chunks', () => {
    assertType<ChatCompletionChunk>({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'gpt-4o',
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: '{"ci' } }] },
          finish_reason: null,
        },
      ],
    });
    expectTypeOf<ChatCompletionChunkToolCallDelta['index']>().toEqualTypeOf<number>();
    // @ts-expect-error -- a tool call piece says which call it continues
    assertType<ChatCompletionChunkToolCallDelta>({ function: { arguments: '{"ci' } });
  });

  it('allows a usage-only chunk with no choices', () => {
    assertType<ChatCompletionChunk>({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'gpt-4o',
      choices: [],
      usage: {
        prompt_tokens: 3,
        completion_tokens: 5,
        total_tokens: 8,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 2 },
      },
    });
  });
});
