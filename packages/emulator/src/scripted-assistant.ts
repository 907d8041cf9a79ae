import { readImageFacts } from './answers/image-facts.js';
import { readIntent } from './answers/intents.js';
import { writeLongText } from './answers/long-text.js';
import { markdownTour } from './answers/markdown-tour.js';
import type { Phrasebook } from './answers/phrasebook.js';
import { ENGLISH } from './answers/phrases-en.js';
import { FRENCH } from './answers/phrases-fr.js';
import { inPirateVoice } from './answers/pirate-voice.js';
import { recipeHint } from './answers/recipe.js';
import { type AnswerStyle, readAnswerStyle } from './answers/request-style.js';
import { answerToolResults } from './answers/tool-results.js';
import { subjectOf } from './answers/topic.js';
import type { ChatRequest } from './chat-request.js';
import { sampleJsonSchema } from './json-schema-sample.js';
import { type PlannedToolCall, planToolCalls } from './tool-planner.js';

/** What the assistant answers for one choice: text, or tool calls. */
export type Reply =
  | { kind: 'text'; text: string }
  | { kind: 'refusal'; text: string }
  | { kind: 'tool_calls'; calls: PlannedToolCall[] };

const FALLBACK_SUBJECT = { en: 'curiosity', fr: 'la curiosité' } as const;

function lastUserText(request: ChatRequest): string {
  const lastUser = request.messages.findLast((message) => message.role === 'user');
  return lastUser?.text.trim() ?? '';
}

function describeImages(urls: readonly string[], phrases: Phrasebook): string {
  const descriptions = urls.map((url, position) =>
    phrases.image(readImageFacts(url), position, urls.length),
  );
  return `${phrases.imageCount(urls.length)}. ${descriptions.join(' ')}`;
}

function answerUser(request: ChatRequest, style: AnswerStyle, choiceIndex: number): string[] {
  const phrases = style.language === 'fr' ? FRENCH : ENGLISH;
  const images = request.messages.findLast((message) => message.role === 'user')?.images ?? [];
  const text = lastUserText(request);
  const parts = images.length > 0 ? [describeImages(images, phrases)] : [];
  const intent = readIntent(text);
  const subject = subjectOf(text, FALLBACK_SUBJECT[style.language]);
  if (intent.kind === 'greeting') parts.push(phrases.greeting);
  else if (intent.kind === 'markdown') parts.push(markdownTour(subject));
  else if (intent.kind === 'long') {
    const seed = `${choiceIndex}:${text}`;
    parts.push(writeLongText({ ...intent, subject, language: style.language, seed }));
  } else if (text) parts.push(phrases.summary(text));
  else if (parts.length === 0) parts.push(phrases.empty);
  if (choiceIndex > 0) parts.push(phrases.alternative(choiceIndex));
  return parts;
}

function answerText(request: ChatRequest, style: AnswerStyle, choiceIndex: number): string {
  const phrases = style.language === 'fr' ? FRENCH : ENGLISH;
  const text =
    request.messages.at(-1)?.role === 'tool'
      ? answerToolResults(request.messages, phrases)
      : answerUser(request, style, choiceIndex).join(
          readIntent(lastUserText(request)).kind === 'summary' ? ' ' : '\n\n',
        );
  return style.pirate ? inPirateVoice(text, style.language) : text;
}

function answerJson(request: ChatRequest, style: AnswerStyle, choiceIndex: number): string {
  const format = request.responseFormat;
  if (format.type === 'json_schema') {
    const textHint = (path: readonly string[], schema: Record<string, unknown>) =>
      schema.type === 'string' &&
      !schema.enum &&
      !schema.format &&
      /^(answer|summary|text|message|reply|content|response|description)$/i.test(path.at(-1) ?? '')
        ? answerText(request, style, choiceIndex)
        : undefined;
    // A format named `recipe` gets the recipe told in the user's text rather than samples.
    const fromRecipe = format.name === 'recipe' ? recipeHint(lastUserText(request)) : undefined;
    const hint = (path: readonly string[], schema: Record<string, unknown>) =>
      fromRecipe?.(path, schema) ?? textHint(path, schema);
    return JSON.stringify(sampleJsonSchema(format.schema, hint));
  }
  return JSON.stringify({
    answer: answerText(request, style, choiceIndex),
    question: lastUserText(request),
  });
}

/**
 * The emulator's scripted assistant: deterministic replies that still react to what was sent.
 * It greets with a list of things to try, writes Markdown, essays and stories when asked,
 * summarises anything else, describes attached images (size and main colour), answers
 * `response_format` requests with valid JSON of the requested shape (for a format named
 * `recipe`, the recipe told in the user's text), calls tools the user asks for
 * (see {@link planToolCalls}) and puts tool results into sentences. A system prompt can ask for a
 * pirate's voice, French, or a JSON answer.
 */
export function scriptedReplies(request: ChatRequest): Reply[] {
  const calls = planToolCalls(request);
  const style = readAnswerStyle(request.messages);
  return Array.from({ length: request.n }, (_, index): Reply => {
    if (calls.length > 0) return { kind: 'tool_calls', calls };
    const json = request.responseFormat.type !== 'text' || style.json;
    return {
      kind: 'text',
      text: json ? answerJson(request, style, index) : answerText(request, style, index),
    };
  });
}
