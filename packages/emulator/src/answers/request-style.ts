import type { ChatMessage } from '../chat-request.js';

/** The languages the scripted assistant writes. */
export type Language = 'en' | 'fr';

/** How the system prompt asks the assistant to answer. */
export interface AnswerStyle {
  language: Language;
  /** Rewrite the answer in a pirate's voice. */
  pirate: boolean;
  /** Answer with a JSON object instead of prose. */
  json: boolean;
}

const FRENCH = /\b(?:in|en)\s+(?:french|fran[cç]ais)\b|\bfrench\b|\bfran[cç]ais\b|\br[ée]ponds?\b/i;
const PIRATE = /\bpirates?\b|\barr+\b|\bbuccaneer\b|\bcorsair\b/i;
const JSON_ANSWER = /\bjson\b/i;

/** Reads the system (and developer) messages for a language, a persona and a JSON answer. */
export function readAnswerStyle(messages: readonly ChatMessage[]): AnswerStyle {
  const prompt = messages
    .filter((message) => message.role === 'system' || message.role === 'developer')
    .map((message) => message.text)
    .join('\n');
  return {
    language: FRENCH.test(prompt) ? 'fr' : 'en',
    pirate: PIRATE.test(prompt),
    json: JSON_ANSWER.test(prompt),
  };
}
