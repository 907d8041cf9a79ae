import { describe, expect, it } from 'vitest';
import { ChatCompletionAccumulator } from '../../src/stream/index.js';
import type { ChatCompletionChunk, ChatCompletionTokenLogprob } from '../../src/types/index.js';
import { chunk, delta, textChunks } from './chunks.js';

function accumulate(chunks: ChatCompletionChunk[]): ChatCompletionAccumulator {
  const accumulator = new ChatCompletionAccumulator();
  for (const value of chunks) accumulator.add(value);
  return accumulator;
}

function token(text: string, logprob: number): ChatCompletionTokenLogprob {
  return { token: text, logprob, bytes: null, top_logprobs: [] };
}

describe('ChatCompletionAccumulator', () => {
  it('joins the pieces of the text and keeps the completion fields of the chunks', () => {
    const accumulator = accumulate([
      chunk([delta({ role: 'assistant', content: '' })], { system_fingerprint: 'fp_1' }),
      chunk([delta({ content: 'Hel' })]),
      chunk([delta({ content: 'lo, ' })]),
      chunk([delta({ content: 'wörld' })]),
      chunk([delta({}, 'stop')]),
    ]);
    expect(accumulator.completion).toEqual({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
      system_fingerprint: 'fp_1',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello, wörld', refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
    });
    expect(accumulator.text).toBe('Hello, wörld');
    expect(accumulator.chunkCount).toBe(5);
  });

  it('joins a refusal and leaves the content null', () => {
    const accumulator = accumulate([
      chunk([delta({ role: 'assistant', content: null, refusal: '' })]),
      chunk([delta({ refusal: "I can't " })]),
      chunk([delta({ refusal: 'help with that.' })]),
      chunk([delta({}, 'stop')]),
    ]);
    const message = accumulator.completion.choices[0]?.message;
    expect(message?.refusal).toBe("I can't help with that.");
    expect(message?.content).toBeNull();
  });

  it('merges a tool call split across chunks, taking id and name from their first piece', () => {
    const accumulator = accumulate([
      chunk([delta({ role: 'assistant', content: null })]),
      chunk([
        delta({
          tool_calls: [
            {
              index: 0,
              id: 'call_a',
              type: 'function',
              function: { name: 'get_weather', arguments: '' },
            },
          ],
        }),
      ]),
      chunk([delta({ tool_calls: [{ index: 0, function: { arguments: '{"loc' } }] })]),
      // Some providers repeat the name in every piece: it must not be doubled.
      chunk([
        delta({
          tool_calls: [{ index: 0, function: { name: 'get_weather', arguments: 'ation":' } }],
        }),
      ]),
      chunk([delta({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] })]),
      chunk([delta({}, 'tool_calls')]),
    ]);
    const choice = accumulator.completion.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.tool_calls).toEqual([
      {
        id: 'call_a',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
      },
    ]);
    expect(JSON.parse(choice?.message.tool_calls?.[0]?.function.arguments ?? '')).toEqual({
      location: 'Paris',
    });
  });

  it('keeps parallel tool calls apart by index, in index order, even when interleaved', () => {
    const accumulator = accumulate([
      chunk([
        delta({
          tool_calls: [
            { index: 1, id: 'call_b', type: 'function', function: { name: 'time', arguments: '' } },
          ],
        }),
      ]),
      chunk([
        delta({
          tool_calls: [
            {
              index: 0,
              id: 'call_a',
              type: 'function',
              function: { name: 'weather', arguments: '{"c":' },
            },
            { index: 1, function: { arguments: '{"tz":' } },
          ],
        }),
      ]),
      chunk([
        delta({
          tool_calls: [
            { index: 1, function: { arguments: '"UTC"}' } },
            { index: 0, function: { arguments: '"Oslo"}' } },
          ],
        }),
      ]),
      chunk([delta({}, 'tool_calls')]),
    ]);
    const calls = accumulator.completion.choices[0]?.message.tool_calls ?? [];
    expect(calls.map((call) => [call.id, call.function.name, call.function.arguments])).toEqual([
      ['call_a', 'weather', '{"c":"Oslo"}'],
      ['call_b', 'time', '{"tz":"UTC"}'],
    ]);
  });

  it('merges the deprecated function_call', () => {
    const accumulator = accumulate([
      chunk([delta({ role: 'assistant', function_call: { name: 'lookup', arguments: '' } })]),
      chunk([delta({ function_call: { arguments: '{"q":' } })]),
      chunk([delta({ function_call: { arguments: '"tea"}' } })]),
      chunk([delta({}, 'function_call')]),
    ]);
    expect(accumulator.completion.choices[0]?.message.function_call).toEqual({
      name: 'lookup',
      arguments: '{"q":"tea"}',
    });
  });

  it('keeps every choice of n > 1, ordered by index', () => {
    const accumulator = accumulate([
      chunk([delta({ role: 'assistant', content: 'B' }, null, 1)]),
      chunk([delta({ role: 'assistant', content: 'A' }, null, 0)]),
      chunk([delta({ content: '1' }, null, 0), delta({ content: '2' }, null, 1)]),
      chunk([delta({}, 'length', 1)]),
      chunk([delta({}, 'stop', 0)]),
    ]);
    const choices = accumulator.completion.choices;
    expect(
      choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason]),
    ).toEqual([
      [0, 'A1', 'stop'],
      [1, 'B2', 'length'],
    ]);
  });

  it('concatenates the logprobs of content and refusal', () => {
    const accumulator = accumulate([
      chunk([
        { ...delta({ content: 'Hi' }), logprobs: { content: [token('Hi', -0.1)], refusal: null } },
      ]),
      chunk([
        {
          ...delta({ content: ' there' }),
          logprobs: { content: [token(' there', -0.2)], refusal: [token('no', -3)] },
        },
      ]),
      chunk([{ ...delta({}, 'stop'), logprobs: null }]),
    ]);
    expect(accumulator.completion.choices[0]?.logprobs).toEqual({
      content: [token('Hi', -0.1), token(' there', -0.2)],
      refusal: [token('no', -3)],
    });
  });

  it('takes usage from the usage-only chunk and accepts chunks without choices', () => {
    const usage = { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 };
    const withoutChoices = { ...chunk([]), usage } as Partial<ChatCompletionChunk>;
    delete withoutChoices.choices;
    const accumulator = accumulate([
      ...textChunks(['O', 'K']).map((value) => ({ ...value, usage: null })),
      chunk([], { usage }),
      withoutChoices as ChatCompletionChunk,
    ]);
    const completion = accumulator.completion;
    expect(completion.usage).toEqual(usage);
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0]?.message.content).toBe('OK');
  });

  it('returns snapshots that later chunks do not change', () => {
    const accumulator = new ChatCompletionAccumulator();
    accumulator.add(chunk([delta({ content: 'first' })]));
    const before = accumulator.completion;
    accumulator.add(chunk([delta({ content: ' second' }, 'stop')]));
    expect(before.choices[0]?.message.content).toBe('first');
    expect(before.choices[0]?.finish_reason).toBeNull();
    expect(accumulator.completion.choices[0]?.message.content).toBe('first second');
  });

  it('tells whether every choice has finished', () => {
    const accumulator = new ChatCompletionAccumulator();
    expect(accumulator.allChoicesFinished).toBe(false);
    accumulator.add(chunk([delta({ content: 'a' }, null, 0), delta({ content: 'b' }, null, 1)]));
    accumulator.add(chunk([delta({}, 'stop', 0)]));
    expect(accumulator.allChoicesFinished).toBe(false);
    accumulator.add(chunk([delta({}, 'stop', 1)]));
    expect(accumulator.allChoicesFinished).toBe(true);
  });
});
