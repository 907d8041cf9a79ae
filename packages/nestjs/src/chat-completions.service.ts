import {
  type ChatCompletionChunk,
  type ChatCompletionCreateParamsBase,
  type ChatCompletionCreateParamsNonStreaming,
  type ChatCompletionStream,
  type ChatCompletionWithMeta,
  type ChatwireClient,
  type RequestOptions,
  type RunToolsResult,
  runTools,
  type ToolLoopBody,
  type ToolLoopOptions,
} from '@chatwire/core';
import { Inject, Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import { CHATWIRE_CLIENT } from './chatwire.constants.js';

/** The request of {@link ChatCompletionsService.stream}: any body; `stream: true` is set for you. */
export type ChatCompletionStreamParams = ChatCompletionCreateParamsBase & { stream?: true };

/**
 * Chat completions through the client `ChatwireModule` configured, for use in your own
 * providers and controllers. Every method takes the client's per-request options (`signal`,
 * `traceId`, `metadata`, `config`, `timeout`, …), which apply to that call only.
 *
 * @example
 * ```ts
 * @Injectable()
 * export class Summarizer {
 *   constructor(private readonly completions: ChatCompletionsService) {}
 *
 *   async summarize(text: string): Promise<string> {
 *     const completion = await this.completions.create({
 *       model: 'gpt-4o-mini',
 *       messages: [{ role: 'user', content: `Summarize: ${text}` }],
 *     });
 *     return completion.choices[0]?.message.content ?? '';
 *   }
 * }
 * ```
 */
@Injectable()
export class ChatCompletionsService {
  /** @param client The module's client (also injectable with `@InjectChatwireClient()`). */
  constructor(@Inject(CHATWIRE_CLIENT) readonly client: ChatwireClient) {}

  /**
   * Creates a chat completion and resolves once the whole answer has arrived. The result is
   * the `ChatCompletion` as Portkey sent it, with a non-enumerable `meta` (trace id, cache
   * status, …).
   *
   * @throws {APIError} a subclass by status once retries are spent, `APIConnectionError` when
   *   the gateway could not be reached, `APIUserAbortError` when `options.signal` aborted.
   */
  create(
    body: ChatCompletionCreateParamsNonStreaming,
    options?: RequestOptions,
  ): Promise<ChatCompletionWithMeta> {
    return this.client.chat.completions.create(body, options);
  }

  /**
   * Creates a streamed chat completion and resolves, once the response headers have arrived,
   * to the `ChatCompletionStream`: iterate it with `for await` for each chunk, or ask it for
   * `finalChatCompletion()`, `finalText()` or `toReadableStream()`.
   */
  stream(
    body: ChatCompletionStreamParams,
    options?: RequestOptions,
  ): Promise<ChatCompletionStream> {
    return this.client.chat.completions.create({ ...body, stream: true }, options);
  }

  /**
   * The chunks of a streamed chat completion as a cold `Observable`: each subscription sends
   * one request, emits every chunk, and completes at the end of the answer (or errors as
   * {@link stream} would throw). Unsubscribing before the end aborts the request, so a
   * handler that stops listening frees the upstream connection.
   */
  stream$(
    body: ChatCompletionStreamParams,
    options?: RequestOptions,
  ): Observable<ChatCompletionChunk> {
    return new Observable<ChatCompletionChunk>((subscriber) => {
      const controller = new AbortController();
      const given = options?.signal;
      const signal =
        given === undefined || given === null
          ? controller.signal
          : AbortSignal.any([given, controller.signal]);
      const pump = async (): Promise<void> => {
        const stream = await this.stream(body, { ...options, signal });
        for await (const chunk of stream) {
          if (subscriber.closed) return;
          subscriber.next(chunk);
        }
        subscriber.complete();
      };
      pump().catch((error: unknown) => {
        if (!subscriber.closed) subscriber.error(error);
      });
      return () => controller.abort();
    });
  }

  /**
   * Runs the tool loop of `@chatwire/core`: sends the request with the tools' definitions,
   * runs the tools the model calls, sends their results back, and repeats until the model
   * answers without calling a tool (or `maxRounds` is reached).
   *
   * @param body The request, without `tools` and `stream`.
   * @param options The tools, `maxRounds` and event callbacks, plus per-request options that
   *   apply to every round (`signal` also reaches the tools).
   * @throws {ToolRoundLimitError} when the last allowed round still calls tools.
   */
  runTools(body: ToolLoopBody, options: ToolLoopOptions & RequestOptions): Promise<RunToolsResult> {
    return runTools(this.client, body, options);
  }
}
