import { randomInt, seededRandom } from './random.js';

/** An SSE body and the `data` of every event a correct decoder yields from it. */
export interface SSEWorkload {
  bytes: Uint8Array;
  expectedData: string[];
}

const WORDS = [
  'the',
  'stream',
  'token',
  'model',
  'gateway',
  'portkey',
  'café',
  'naïve',
  '日本語',
  'über',
  '👋',
  'ok',
];

/**
 * A chat completion stream of `count` `chat.completion.chunk` events (about 190 bytes each,
 * some with multi-byte text), line ends mixing LF and CR LF, a `: ping` comment now and then,
 * and a closing `data: [DONE]`.
 */
export function chatCompletionStream(count: number, seed: number): SSEWorkload {
  const random = seededRandom(seed);
  const parts: string[] = [];
  const expectedData: string[] = [];
  const created = 1_760_000_000;
  for (let i = 0; i < count; i++) {
    let content = '';
    const words = randomInt(random, 1, 4);
    for (let w = 0; w < words; w++) content += ' ' + WORDS[randomInt(random, 0, WORDS.length - 1)];
    const data = JSON.stringify({
      id: 'chatcmpl-9xQv2bT7rLk3',
      object: 'chat.completion.chunk',
      created: created + (i >> 6),
      model: 'gpt-4o-mini',
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    });
    const eol = random() < 0.5 ? '\n' : '\r\n';
    if (i % 1000 === 999) parts.push(': ping' + eol + eol);
    parts.push('data: ' + data + eol + eol);
    expectedData.push(data);
  }
  parts.push('data: [DONE]\n\n');
  expectedData.push('[DONE]');
  return { bytes: new TextEncoder().encode(parts.join('')), expectedData };
}

/** `count` events whose single `data` line is `size` bytes of JSON-safe ASCII. */
export function largeEventStream(count: number, size: number, seed: number): SSEWorkload {
  const random = seededRandom(seed);
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ';
  const parts: string[] = [];
  const expectedData: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    while (text.length < size - 12) text += alphabet[randomInt(random, 0, alphabet.length - 1)];
    const data = JSON.stringify({ text });
    parts.push('data: ' + data + '\n\n');
    expectedData.push(data);
  }
  parts.push('data: [DONE]\n\n');
  expectedData.push('[DONE]');
  return { bytes: new TextEncoder().encode(parts.join('')), expectedData };
}
