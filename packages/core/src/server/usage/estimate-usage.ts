import type {
  ChatCompletion,
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
  CompletionUsage,
} from '../../types/index.js';

type CountTokens = (text: string) => number;

let counter: Promise<CountTokens | undefined> | undefined;

/**
 * gpt-tokenizer's counter, loaded on the first estimate; `undefined` when the optional peer is
 * not installed, so servers that never need an estimate never load its tables.
 */
function loadCounter(): Promise<CountTokens | undefined> {
  counter ??= import('gpt-tokenizer').then(
    (tokenizer) => (text: string) => tokenizer.countTokens(text),
    () => undefined,
  );
  return counter;
}

function messageText(message: ChatCompletionMessageParam): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) if (part.type === 'text') text += part.text;
  return text;
}

function answerText(completion: ChatCompletion | undefined): string {
  let text = '';
  for (const choice of completion?.choices ?? []) {
    text += choice.message.content ?? '';
    for (const call of choice.message.tool_calls ?? []) {
      if (call.type === 'function') text += call.function.name + call.function.arguments;
    }
  }
  return text;
}

/**
 * The token usage of a turn the upstream sent none for (it was stopped or the browser left
 * before the usage chunk): the prompt's and the answer's text counted with gpt-tokenizer's
 * default encoding. An estimate: message framing, images and tool schemas are not counted.
 * `undefined` when gpt-tokenizer is not installed.
 */
export async function estimateUsage(
  body: ChatCompletionCreateParams,
  completion: ChatCompletion | undefined,
): Promise<CompletionUsage | undefined> {
  const count = await loadCounter();
  if (count === undefined) return undefined;
  const prompt_tokens = count(body.messages.map(messageText).join('\n'));
  const completion_tokens = count(answerText(completion));
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}
