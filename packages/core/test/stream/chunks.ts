import type {
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
} from '../../src/types/index.js';

/** A chunk of the completion `chatcmpl-1` with the given choices. */
export function chunk(
  choices: ChatCompletionChunkChoice[],
  extra: Partial<ChatCompletionChunk> = {},
): ChatCompletionChunk {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    choices,
    ...extra,
  };
}

/** One choice's part of a chunk. */
export function delta(
  value: ChatCompletionChunkDelta,
  finish_reason: ChatCompletionChunkChoice['finish_reason'] = null,
  index = 0,
): ChatCompletionChunkChoice {
  return { index, delta: value, finish_reason };
}

/** The chunks of a plain streamed answer: the role, one chunk per piece, then the finish. */
export function textChunks(pieces: string[]): ChatCompletionChunk[] {
  return [
    chunk([delta({ role: 'assistant', content: '' })]),
    ...pieces.map((piece) => chunk([delta({ content: piece })])),
    chunk([delta({}, 'stop')]),
  ];
}
