import type { ChatMessage, ChatRequest } from './chat-request.js';
import { sampleJsonSchema } from './json-schema-sample.js';
import { findPlaces, words } from './text-facts.js';
import { type PlannedToolCall, planToolCalls } from './tool-planner.js';

/** What the assistant answers for one choice: text, or tool calls. */
export type Reply =
  | { kind: 'text'; text: string }
  | { kind: 'tool_calls'; calls: PlannedToolCall[] };

const GREETINGS = new Set([
  'hi',
  'hello',
  'hey',
  'hiya',
  'howdy',
  'greetings',
  'bonjour',
  'hola',
  'yo',
]);

function quote(text: string, maxWords: number): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  const kept = all.slice(0, maxWords).join(' ');
  return all.length > maxWords ? `${kept}…` : kept;
}

function describeImages(count: number): string {
  return count === 1 ? 'I can see 1 image.' : `I can see ${count} images.`;
}

function summarise(text: string): string {
  const wordCount = words(text).length;
  const sentences = text.split(/[.!?]+(?:\s|$)/).filter((sentence) => sentence.trim()).length;
  const question = text.trim().endsWith('?');
  const kind = question ? 'a question' : 'a message';
  const sentencePart = sentences > 1 ? ` in ${sentences} sentences` : '';
  return `You sent ${kind} of ${wordCount} ${wordCount === 1 ? 'word' : 'words'}${sentencePart}: "${quote(text, 12)}". In short, it is about ${topic(text)}.`;
}

const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'is',
  'are',
  'was',
  'what',
  'who',
  'how',
  'why',
  'when',
  'where',
  'which',
  'can',
  'you',
  'me',
  'my',
  'i',
  'to',
  'of',
  'in',
  'on',
  'for',
  'and',
  'or',
  'it',
  'this',
  'that',
  'please',
  'tell',
  'about',
  'do',
  'does',
  'with',
  'be',
  'your',
  'at',
  'give',
  'some',
  'is',
  's',
]);

function topic(text: string): string {
  const keywords = words(text).filter((word) => !STOP_WORDS.has(word) && word.length > 2);
  const unique = [...new Set(keywords)].slice(0, 3);
  return unique.length > 0 ? unique.join(', ') : 'nothing in particular';
}

function answerToolResults(messages: ChatMessage[]): string {
  const results: ChatMessage[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]?.role === 'tool'; i--) {
    const message = messages[i];
    if (message) results.unshift(message);
  }
  const calls = new Map(
    messages.flatMap((message) => message.toolCalls).map((call) => [call.id, call] as const),
  );
  const lines = results.map((result) => {
    const call = result.toolCallId ? calls.get(result.toolCallId) : undefined;
    const source = call ? `${call.name}(${call.arguments})` : 'the tool';
    return `${source} returned ${result.text.trim() || 'nothing'}.`;
  });
  const places = results.flatMap((result) => {
    const call = result.toolCallId ? calls.get(result.toolCallId) : undefined;
    return call ? findPlaces(call.arguments) : [];
  });
  const lead =
    places.length > 0
      ? `Here is what I found for ${places.join(' and ')}:`
      : 'Here is what I found:';
  return `${lead} ${lines.join(' ')}`;
}

function answerText(request: ChatRequest, choiceIndex: number): string {
  const { messages } = request;
  if (messages.at(-1)?.role === 'tool') return answerToolResults(messages);
  const lastUser = [...messages].reverse().find((message) => message.role === 'user');
  const text = lastUser?.text.trim() ?? '';
  const parts: string[] = [];
  if (lastUser && lastUser.images > 0) parts.push(describeImages(lastUser.images));
  const spoken = words(text);
  if (spoken.length > 0 && spoken.length <= 4 && spoken.some((word) => GREETINGS.has(word))) {
    parts.push("Hello! I'm the chatwire emulator. Ask me anything and I'll echo and summarise it.");
  } else if (text) {
    parts.push(summarise(text));
  } else if (parts.length === 0) {
    parts.push('Your message was empty. Send some text and I will summarise it.');
  }
  if (choiceIndex > 0) parts.push(`(Alternative ${choiceIndex + 1}.)`);
  return parts.join(' ');
}

function answerJson(request: ChatRequest, choiceIndex: number): string {
  const format = request.responseFormat;
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
  const text = lastUser?.text.trim() ?? '';
  if (format.type === 'json_schema') {
    const textHint = (path: readonly string[], schema: Record<string, unknown>) =>
      schema.type === 'string' &&
      !schema.enum &&
      !schema.format &&
      /^(answer|summary|text|message|reply|content|response|description)$/i.test(path.at(-1) ?? '')
        ? answerText(request, choiceIndex)
        : undefined;
    return JSON.stringify(sampleJsonSchema(format.schema, textHint));
  }
  return JSON.stringify({ answer: answerText(request, choiceIndex), question: text });
}

/**
 * The emulator's scripted assistant: deterministic replies that still react to what was sent.
 * It greets back, echoes and summarises the last user message, counts the images in it, answers
 * `response_format` requests with valid JSON of the requested shape, calls tools the user asks for
 * (see {@link planToolCalls}) and reports tool results once they come back.
 */
export function scriptedReplies(request: ChatRequest): Reply[] {
  const calls = planToolCalls(request);
  return Array.from({ length: request.n }, (_, index): Reply => {
    if (calls.length > 0) return { kind: 'tool_calls', calls };
    const text =
      request.responseFormat.type === 'text'
        ? answerText(request, index)
        : answerJson(request, index);
    return { kind: 'text', text };
  });
}
