import type {
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkToolCallDelta,
  ChatCompletionFinishReason,
  ChatCompletionMessage,
  ChatCompletionMessageToolCall,
  ChatCompletionTokenLogprob,
  CompletionUsage,
} from '../types/index.js';

interface ToolCallState {
  id: string | undefined;
  name: string | undefined;
  arguments: string;
}

interface ChoiceState {
  index: number;
  content: string | null;
  refusal: string | null;
  /** Sparse: indexed by the tool call's `index` in the deltas. */
  toolCalls: ToolCallState[];
  functionCall: { name: string | undefined; arguments: string } | null;
  finishReason: ChatCompletionFinishReason | null;
  contentLogprobs: ChatCompletionTokenLogprob[] | null;
  refusalLogprobs: ChatCompletionTokenLogprob[] | null;
}

/**
 * Merges the chunks of a streamed chat completion into the `ChatCompletion` the same request
 * would have returned without `stream: true`.
 *
 * Use it when the chunks arrive through a transport of your own (a WebSocket, a queue, a test
 * fixture); `ChatCompletionStream` uses one internally.
 *
 * - `content`, `refusal` and the logprobs of each choice are concatenated in order.
 * - Tool calls are merged by their `index`; `arguments` fragments are concatenated and `id` and
 *   `function.name` are taken from the first fragment that carries them.
 * - The deprecated `function_call` is merged the same way.
 * - Every choice is kept when the request asked for `n > 1`, ordered by `index`.
 * - `usage` comes from the chunk that carries it (the usage-only chunk sent last with
 *   `stream_options.include_usage`); `id`, `model`, `created`, `system_fingerprint` and
 *   `service_tier` come from the chunks.
 * - Chunks without `choices` are accepted.
 *
 * @example
 * ```ts
 * const accumulator = new ChatCompletionAccumulator();
 * for (const chunk of chunks) accumulator.add(chunk);
 * console.log(accumulator.completion.choices[0]?.message.content);
 * ```
 */
export class ChatCompletionAccumulator {
  #id = '';
  #model = '';
  #created = 0;
  #systemFingerprint: string | undefined;
  #serviceTier: ChatCompletion['service_tier'];
  #usage: CompletionUsage | undefined;
  /** Sparse: indexed by the choice's `index`. */
  #choices: ChoiceState[] = [];
  #chunkCount = 0;

  /** How many chunks were added so far. */
  get chunkCount(): number {
    return this.#chunkCount;
  }

  /**
   * True when at least one choice was seen and every choice has a `finish_reason`, i.e. the
   * model finished every answer it started.
   */
  get allChoicesFinished(): boolean {
    let seen = false;
    for (const choice of this.#choices) {
      if (choice === undefined) continue;
      if (choice.finishReason === null) return false;
      seen = true;
    }
    return seen;
  }

  /** Adds the next chunk of the stream. Chunks must be added in the order they arrived. */
  add(chunk: ChatCompletionChunk): void {
    this.#chunkCount++;
    if (!this.#id && chunk.id) this.#id = chunk.id;
    if (!this.#model && chunk.model) this.#model = chunk.model;
    if (!this.#created && chunk.created) this.#created = chunk.created;
    if (chunk.system_fingerprint) this.#systemFingerprint = chunk.system_fingerprint;
    if (chunk.service_tier) this.#serviceTier = chunk.service_tier;
    if (chunk.usage) this.#usage = chunk.usage;
    const choices = chunk.choices;
    if (!choices) return;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i];
      if (choice) this.#addChoice(choice);
    }
  }

  #addChoice(choice: ChatCompletionChunkChoice): void {
    const index = choice.index ?? 0;
    let state = this.#choices[index];
    if (state === undefined) {
      state = {
        index,
        content: null,
        refusal: null,
        toolCalls: [],
        functionCall: null,
        finishReason: null,
        contentLogprobs: null,
        refusalLogprobs: null,
      };
      this.#choices[index] = state;
    }
    if (choice.finish_reason) state.finishReason = choice.finish_reason;

    const delta = choice.delta;
    if (delta) {
      if (typeof delta.content === 'string') {
        state.content = state.content === null ? delta.content : state.content + delta.content;
      }
      if (typeof delta.refusal === 'string') {
        state.refusal = state.refusal === null ? delta.refusal : state.refusal + delta.refusal;
      }
      const toolCalls = delta.tool_calls;
      if (toolCalls) {
        for (let i = 0; i < toolCalls.length; i++) {
          const toolCall = toolCalls[i];
          if (toolCall) addToolCallDelta(state.toolCalls, toolCall, i);
        }
      }
      const functionCall = delta.function_call;
      if (functionCall) {
        if (state.functionCall === null) {
          state.functionCall = { name: undefined, arguments: '' };
        }
        if (state.functionCall.name === undefined && functionCall.name) {
          state.functionCall.name = functionCall.name;
        }
        if (functionCall.arguments) state.functionCall.arguments += functionCall.arguments;
      }
    }

    const logprobs = choice.logprobs;
    if (logprobs) {
      if (logprobs.content) {
        state.contentLogprobs = appendAll(state.contentLogprobs, logprobs.content);
      }
      if (logprobs.refusal) {
        state.refusalLogprobs = appendAll(state.refusalLogprobs, logprobs.refusal);
      }
    }
  }

  /**
   * The completion accumulated so far, as a new object on every read (later chunks do not
   * change a completion already returned). Choices still being written have a `finish_reason`
   * of `null`.
   */
  get completion(): ChatCompletion {
    const choices: ChatCompletionChoice[] = [];
    for (const state of this.#choices) {
      if (state !== undefined) choices.push(buildChoice(state));
    }
    const completion: ChatCompletion = {
      id: this.#id,
      object: 'chat.completion',
      created: this.#created,
      model: this.#model,
      choices,
    };
    if (this.#usage) completion.usage = this.#usage;
    if (this.#systemFingerprint !== undefined) {
      completion.system_fingerprint = this.#systemFingerprint;
    }
    if (this.#serviceTier) completion.service_tier = this.#serviceTier;
    return completion;
  }

  /** The text of the first choice so far (`''` when it has none). */
  get text(): string {
    return this.#choices[0]?.content ?? '';
  }
}

function addToolCallDelta(
  toolCalls: ToolCallState[],
  delta: ChatCompletionChunkToolCallDelta,
  position: number,
): void {
  // Some providers leave out `index`; the position in the delta is the best stand-in then.
  const index = typeof delta.index === 'number' ? delta.index : position;
  let state = toolCalls[index];
  if (state === undefined) {
    state = { id: undefined, name: undefined, arguments: '' };
    toolCalls[index] = state;
  }
  if (state.id === undefined && delta.id) state.id = delta.id;
  const fn = delta.function;
  if (fn) {
    if (state.name === undefined && fn.name) state.name = fn.name;
    if (fn.arguments) state.arguments += fn.arguments;
  }
}

function appendAll<T>(target: T[] | null, items: readonly T[]): T[] {
  const result = target ?? [];
  for (let i = 0; i < items.length; i++) result.push(items[i] as T);
  return result;
}

function buildChoice(state: ChoiceState): ChatCompletionChoice {
  const message: ChatCompletionMessage = {
    role: 'assistant',
    content: state.content,
    refusal: state.refusal,
  };
  const toolCalls: ChatCompletionMessageToolCall[] = [];
  for (const toolCall of state.toolCalls) {
    if (toolCall === undefined) continue;
    toolCalls.push({
      id: toolCall.id ?? '',
      type: 'function',
      function: { name: toolCall.name ?? '', arguments: toolCall.arguments },
    });
  }
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (state.functionCall) {
    message.function_call = {
      name: state.functionCall.name ?? '',
      arguments: state.functionCall.arguments,
    };
  }
  const logprobs =
    state.contentLogprobs || state.refusalLogprobs
      ? {
          content: state.contentLogprobs ? state.contentLogprobs.slice() : null,
          refusal: state.refusalLogprobs ? state.refusalLogprobs.slice() : null,
        }
      : null;
  return { index: state.index, message, finish_reason: state.finishReason, logprobs };
}
