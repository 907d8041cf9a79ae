import { attachMeta } from '../client/response-meta.js';
import type { ChatCompletionStream } from '../stream/chat-completion-stream.js';
import { parseChatCompletion } from './parse-chat-completion.js';
import type { ParseableResponseFormat } from './parseable-response-format.js';
import type { ParsedChatCompletion } from './parsed-chat-completion.js';
import { type DeepPartial, parsePartialJson } from './partial-json.js';

/**
 * A streamed structured answer: iterate it for the object as it grows, then
 * {@link finalObject} for the checked one. Made by {@link streamObject}.
 *
 * @typeParam T The type of a valid answer.
 */
export class ObjectStream<T> implements AsyncIterable<DeepPartial<T>> {
  readonly #stream: ChatCompletionStream;
  readonly #format: ParseableResponseFormat<T>;
  #final: Promise<ParsedChatCompletion<T>> | undefined;

  /**
   * @param stream The streamed completion, asked for with `format` as its `response_format`.
   * @param format The response format the answer follows.
   */
  constructor(stream: ChatCompletionStream, format: ParseableResponseFormat<T>) {
    this.#stream = stream;
    this.#format = format;
  }

  /**
   * Yields the object of the first choice each time more of it has arrived: each one holds
   * what the one before held, and more (a longer string, a new property or item). Numbers
   * appear once whole. Nothing is checked against the schema until the end: use
   * {@link finalObject} for that. Leaving the loop early aborts the request.
   *
   * @throws The error that ended the stream (`APIError`, `StreamTruncatedError`, …).
   */
  async *[Symbol.asyncIterator](): AsyncIterator<DeepPartial<T>> {
    let text = '';
    let last = '';
    for await (const chunk of this.#stream) {
      const delta = chunk.choices.find((choice) => choice.index === 0)?.delta.content;
      if (!delta) continue;
      text += delta;
      const partial = parsePartialJson(text);
      const serialized = JSON.stringify(partial);
      if (partial === undefined || serialized === last) continue;
      last = serialized;
      yield partial as DeepPartial<T>;
    }
  }

  /**
   * Resolves to the whole completion once the stream has ended, its messages carrying
   * `parsed` as `client.chat.completions.parse` gives them.
   *
   * @throws {StructuredOutputError} when the answer breaks the schema; the error that ended the
   * stream otherwise.
   */
  finalChatCompletion(): Promise<ParsedChatCompletion<T>> {
    this.#final ??= this.#stream
      .finalChatCompletion()
      .then((completion) =>
        parseChatCompletion<T>(attachMeta(completion, this.#stream.meta), this.#format),
      );
    return this.#final;
  }

  /**
   * Resolves to the first choice's object, checked against the schema, once the stream has
   * ended; to `null` when the model refused (its words are in the message's `refusal`, see
   * {@link finalChatCompletion}).
   *
   * @throws {StructuredOutputError} when the answer breaks the schema (it carries the raw text).
   */
  async finalObject(): Promise<T | null> {
    const completion = await this.finalChatCompletion();
    return completion.choices[0]?.message.parsed ?? null;
  }
}

/**
 * Reads a streamed structured answer as a growing object.
 *
 * @param stream What `create({ ..., response_format: format, stream: true })` resolved to.
 * @param format The response format the request asked for (`zodResponseFormat`,
 * `jsonSchemaResponseFormat`).
 * @example
 * ```ts
 * const format = zodResponseFormat(Recipe, 'recipe');
 * const recipe = streamObject(
 *   await client.chat.completions.create({ model, messages, response_format: format, stream: true }),
 *   format,
 * );
 * for await (const partial of recipe) render(partial);
 * const checked = await recipe.finalObject();
 * ```
 */
export function streamObject<T>(
  stream: ChatCompletionStream,
  format: ParseableResponseFormat<T>,
): ObjectStream<T> {
  return new ObjectStream(stream, format);
}
