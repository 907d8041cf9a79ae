import { ToolRoundLimitError } from '../errors/tool-round-limit-error.js';
import { ChatCompletionAccumulator } from '../stream/chat-completion-accumulator.js';
import { ReadOnceOutcome } from '../stream/read-once-outcome.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from '../types/index.js';
import { createToolSet } from './tool-execution.js';
import {
  abortReason,
  readMaxRounds,
  roundRequest,
  runRoundTools,
  signalOf,
  takeAnswer,
} from './tool-loop.js';
import type {
  RunToolsResult,
  StreamingToolLoopClient,
  ToolLoopBody,
  ToolLoopOptions,
} from './tool-loop-options.js';

type Reader = 'for await' | 'finalResult()';

/**
 * A tool loop whose model answers are streamed; made by {@link runToolsStream}.
 *
 * Iterate it with `for await` to receive the chunks of every round as they arrive (the rounds
 * that call tools and the final answer), and follow the tools through the `onToolCall` and
 * `onToolResult` options. Or call {@link finalResult} to wait for the end; when nothing
 * iterates, it runs the loop itself. The loop runs once: a second `for await` throws.
 */
export class ToolRunStream implements AsyncIterable<ChatCompletionChunk> {
  /** Aborts the loop: the request in flight, and the tools through their context's `signal`. */
  readonly controller: AbortController;

  readonly #rounds: AsyncGenerator<ChatCompletionChunk, RunToolsResult>;
  readonly #outcome = new ReadOnceOutcome<RunToolsResult, Reader>(
    (reader) =>
      `This ToolRunStream is already being read by ${reader}; it runs once. Use ` +
      `finalResult() to get the outcome alongside ${reader}.`,
  );

  /**
   * @param rounds The loop, yielding each round's chunks and returning the result.
   * @param controller Aborts `rounds`.
   */
  constructor(
    rounds: AsyncGenerator<ChatCompletionChunk, RunToolsResult>,
    controller: AbortController,
  ) {
    this.#rounds = rounds;
    this.controller = controller;
  }

  /** Stops the loop; iteration and {@link finalResult} reject with `APIUserAbortError`. */
  abort(): void {
    this.controller.abort();
  }

  /**
   * Iterates the chunks of every round.
   *
   * @throws ChatwireError when the loop is already being read.
   */
  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    this.#outcome.claim('for await');
    return this.#chunks();
  }

  /**
   * Resolves when the loop ends, to the final answer, the whole conversation and every
   * round's completion. When nothing iterates the loop, this runs it.
   *
   * @throws ToolRoundLimitError, or the client's errors.
   */
  finalResult(): Promise<RunToolsResult> {
    return this.#outcome.final('finalResult()', () => this.#chunks());
  }

  /** Resolves to the final answer, as {@link finalResult} does. */
  async finalChatCompletion(): Promise<ChatCompletion> {
    return (await this.finalResult()).completion;
  }

  /** Resolves to the text of the final answer (`''` when it has none). */
  async finalText(): Promise<string> {
    const completion = await this.finalChatCompletion();
    return completion.choices[0]?.message.content ?? '';
  }

  async *#chunks(): AsyncGenerator<ChatCompletionChunk> {
    try {
      for (;;) {
        const next = await this.#rounds.next();
        if (next.done) {
          this.#outcome.resolve(next.value);
          return;
        }
        yield next.value;
      }
    } catch (error) {
      this.#outcome.reject(error);
      throw error;
    } finally {
      if (!this.#outcome.settled) {
        // The reader left the loop early.
        this.abort();
        await this.#rounds.return(undefined as never).catch(() => {});
        this.#outcome.reject(abortReason(this.controller.signal));
      }
    }
  }
}

/**
 * The streaming form of `runTools`: the same loop, with every model answer streamed. Returns
 * at once; the first request is sent when the loop is iterated or {@link
 * ToolRunStream.finalResult} is called.
 *
 * @param client Anything whose `chat.completions.create` streams with `stream: true`, such as
 *   a chatwire client.
 * @param body The request, without `tools` and `stream`. A `tool_choice` that forces a call
 *   applies to the first round only.
 * @param options The tools, the round limit and event callbacks, plus the client's
 *   per-request options, which apply to every round. The loop passes its own `signal` (linked
 *   to the one given) so that {@link ToolRunStream.abort} reaches the request in flight.
 *
 * @example
 * ```ts
 * const run = runToolsStream(client, { model, messages }, {
 *   tools: [getWeather],
 *   onToolResult: ({ toolCall, message }) => console.log(toolCall.function.name, message.content),
 * });
 * for await (const chunk of run) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
 * const { messages: conversation } = await run.finalResult();
 * ```
 */
export function runToolsStream<Options extends object>(
  client: StreamingToolLoopClient<Options>,
  body: ToolLoopBody,
  options: ToolLoopOptions & NoInfer<Options>,
): ToolRunStream {
  const { tools, maxRounds: maxRoundsOption, onToolCall, onToolResult, ...rest } = options;
  const maxRounds = readMaxRounds(maxRoundsOption);
  const toolSet = createToolSet(tools);
  const controller = new AbortController();
  const outerSignal = signalOf(rest);
  const forwardAbort = (): void => controller.abort(outerSignal?.reason);
  if (outerSignal?.aborted) forwardAbort();
  else outerSignal?.addEventListener('abort', forwardAbort, { once: true });
  const requestOptions = { ...rest, signal: controller.signal } as unknown as Options;

  async function* rounds(): AsyncGenerator<ChatCompletionChunk, RunToolsResult> {
    try {
      const messages: ChatCompletionMessageParam[] = body.messages.slice();
      const completions: ChatCompletion[] = [];
      for (let round = 1; ; round++) {
        if (controller.signal.aborted) throw abortReason(controller.signal);
        const request: ChatCompletionCreateParamsStreaming = {
          ...roundRequest(body, toolSet, messages, round),
          stream: true,
        };
        const stream = await client.chat.completions.create(request, requestOptions);
        const accumulator = new ChatCompletionAccumulator();
        for await (const chunk of stream) {
          accumulator.add(chunk);
          yield chunk;
        }
        const completion = accumulator.completion;
        completions.push(completion);
        if (!takeAnswer(completion, messages)) return { completion, messages, completions };
        if (round === maxRounds) throw new ToolRoundLimitError(maxRounds, completion, messages);
        await runRoundTools(
          toolSet,
          messages,
          round,
          { onToolCall, onToolResult },
          controller.signal,
        );
      }
    } finally {
      // The caller's signal may outlive the loop by far (a page, a server's shutdown signal).
      outerSignal?.removeEventListener('abort', forwardAbort);
    }
  }

  return new ToolRunStream(rounds(), controller);
}
