import { randomBytes } from 'node:crypto';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
  ChatCompletionFinishReason,
  ChatCompletionLogprobs,
  ChatCompletionMessageToolCall,
  ChatCompletionTokenLogprob,
  CompletionUsage,
} from '@chatwire/core';
import type { ChatRequest } from './chat-request.js';
import type { Reply } from './scripted-assistant.js';
import { countTokens, stableHash, tokenize } from './tokens.js';

/** The fingerprint every answer carries, as OpenAI's `system_fingerprint` does. */
export const SYSTEM_FINGERPRINT = 'fp_c4e1a9e3d7';

const TOKENS_PER_IMAGE = 85;

/** One choice after `stop` and the token limit were applied. */
interface RenderedChoice {
  index: number;
  tokens: string[];
  toolCalls: ChatCompletionMessageToolCall[];
  finishReason: ChatCompletionFinishReason;
}

/** A reply made into the pieces of a completion, ready to send whole or as chunks. */
export interface RenderedCompletion {
  id: string;
  created: number;
  model: string;
  choices: RenderedChoice[];
  usage: CompletionUsage;
  logprobs: boolean;
  topLogprobs: number;
}

function randomId(prefix: string, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return prefix + [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function promptTokens(request: ChatRequest): number {
  let total = 3;
  for (const message of request.messages) {
    total += 4 + countTokens(message.text) + message.images.length * TOKENS_PER_IMAGE;
    for (const call of message.toolCalls) total += countTokens(call.name + call.arguments) + 3;
  }
  if (request.tools.length > 0) total += countTokens(JSON.stringify(request.tools));
  return total;
}

function applyStop(text: string, stop: string[]): { text: string; stopped: boolean } {
  let cut = -1;
  for (const sequence of stop) {
    const at = text.indexOf(sequence);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut < 0 ? { text, stopped: false } : { text: text.slice(0, cut), stopped: true };
}

function renderChoice(reply: Reply, index: number, request: ChatRequest): RenderedChoice {
  if (reply.kind === 'tool_calls') {
    return {
      index,
      tokens: [],
      toolCalls: reply.calls.map((call) => ({
        id: randomId('call_', 24),
        type: 'function',
        function: { name: call.name, arguments: call.arguments },
      })),
      finishReason: 'tool_calls',
    };
  }
  const { text } = applyStop(reply.text, request.stop);
  const tokens = tokenize(text);
  const limit = request.maxTokens;
  if (limit !== undefined && tokens.length > limit) {
    return { index, tokens: tokens.slice(0, limit), toolCalls: [], finishReason: 'length' };
  }
  return { index, tokens, toolCalls: [], finishReason: 'stop' };
}

function completionTokens(choice: RenderedChoice): number {
  return (
    choice.tokens.length +
    choice.toolCalls.reduce(
      (sum, call) => sum + countTokens(call.function.name + call.function.arguments) + 3,
      0,
    )
  );
}

/** Applies `stop`, the token limit and usage counting to the replies of one request. */
export function renderCompletion(request: ChatRequest, replies: Reply[]): RenderedCompletion {
  const choices = replies.map((reply, index) => renderChoice(reply, index, request));
  const prompt = promptTokens(request);
  const completion = choices.reduce((sum, choice) => sum + completionTokens(choice), 0);
  return {
    id: randomId('chatcmpl-', 29),
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices,
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    logprobs: request.logprobs,
    topLogprobs: request.topLogprobs,
  };
}

function tokenLogprob(token: string, position: number, top: number): ChatCompletionTokenLogprob {
  const logprob = -((stableHash(`${position}:${token}`) % 1500) / 1000);
  const bytes = (text: string) => [...Buffer.from(text, 'utf8')];
  const alternatives = [
    token,
    token.toUpperCase(),
    token.toLowerCase(),
    `${token}s`,
    ` ${token.trim()}`,
    `${token}.`,
  ];
  const distinct = [...new Set(alternatives)];
  while (distinct.length < top) distinct.push(`${token}${distinct.length}`);
  return {
    token,
    logprob,
    bytes: bytes(token),
    top_logprobs: distinct.slice(0, top).map((candidate, rank) => ({
      token: candidate,
      logprob: rank === 0 ? logprob : logprob - 1.5 - rank * 0.75,
      bytes: bytes(candidate),
    })),
  };
}

function choiceLogprobs(
  rendered: RenderedCompletion,
  choice: RenderedChoice,
  from: number,
  to: number,
): ChatCompletionLogprobs | null {
  if (!rendered.logprobs || choice.toolCalls.length > 0) return null;
  return {
    content: choice.tokens
      .slice(from, to)
      .map((token, offset) => tokenLogprob(token, from + offset, rendered.topLogprobs)),
    refusal: null,
  };
}

/** The non-streamed `chat.completion` body. */
export function toChatCompletion(rendered: RenderedCompletion): ChatCompletion {
  return {
    id: rendered.id,
    object: 'chat.completion',
    created: rendered.created,
    model: rendered.model,
    choices: rendered.choices.map((choice) => ({
      index: choice.index,
      message: {
        role: 'assistant',
        content: choice.toolCalls.length > 0 ? null : choice.tokens.join(''),
        refusal: null,
        ...(choice.toolCalls.length > 0 ? { tool_calls: choice.toolCalls } : {}),
      },
      logprobs: choiceLogprobs(rendered, choice, 0, choice.tokens.length),
      finish_reason: choice.finishReason,
    })),
    usage: rendered.usage,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

function choiceDeltas(
  rendered: RenderedCompletion,
  choice: RenderedChoice,
): ChatCompletionChunkChoice[] {
  const deltas: ChatCompletionChunkChoice[] = [];
  const push = (delta: ChatCompletionChunkDelta, logprobs: ChatCompletionLogprobs | null = null) =>
    deltas.push({ index: choice.index, delta, logprobs, finish_reason: null });
  if (choice.toolCalls.length > 0) {
    push({ role: 'assistant', content: null, refusal: null });
    choice.toolCalls.forEach((call, callIndex) => {
      push({
        tool_calls: [
          {
            index: callIndex,
            id: call.id,
            type: 'function',
            function: { name: call.function.name, arguments: '' },
          },
        ],
      });
      for (const fragment of tokenize(call.function.arguments)) {
        push({ tool_calls: [{ index: callIndex, function: { arguments: fragment } }] });
      }
    });
  } else {
    push({ role: 'assistant', content: '', refusal: null });
    choice.tokens.forEach((token, position) => {
      push({ content: token }, choiceLogprobs(rendered, choice, position, position + 1));
    });
  }
  deltas.push({
    index: choice.index,
    delta: {},
    logprobs: null,
    finish_reason: choice.finishReason,
  });
  return deltas;
}

/**
 * The `chat.completion.chunk`s of a streamed answer, choices interleaved, ending with the
 * usage-only chunk (`choices: []`) when `stream_options.include_usage` asked for it.
 */
export function toChunks(
  rendered: RenderedCompletion,
  includeUsage: boolean,
): ChatCompletionChunk[] {
  const base = (choices: ChatCompletionChunkChoice[]): ChatCompletionChunk => ({
    id: rendered.id,
    object: 'chat.completion.chunk',
    created: rendered.created,
    model: rendered.model,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices,
    ...(includeUsage ? { usage: null } : {}),
  });
  const perChoice = rendered.choices.map((choice) => choiceDeltas(rendered, choice));
  const chunks: ChatCompletionChunk[] = [];
  const steps = Math.max(...perChoice.map((deltas) => deltas.length));
  for (let step = 0; step < steps; step++) {
    for (const deltas of perChoice) {
      const delta = deltas[step];
      if (delta) chunks.push(base([delta]));
    }
  }
  if (includeUsage) chunks.push({ ...base([]), usage: rendered.usage });
  return chunks;
}
