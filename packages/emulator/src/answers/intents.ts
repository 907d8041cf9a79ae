import { words } from '../text-facts.js';

/** What the last user message asks for, as far as the scripted assistant can tell. */
export type Intent =
  | { kind: 'greeting' }
  | { kind: 'markdown' }
  | { kind: 'long'; form: 'essay' | 'story'; words: number }
  | { kind: 'summary' };

const GREETINGS = new Set('hi hello hey hiya howdy greetings bonjour salut hola yo'.split(' '));
const CAPABILITY_QUESTION = /\bwhat (?:can|could|should) (?:you|i) (?:do|try)\b|^\s*help\b/i;
const MARKDOWN = /\bmarkdown\b|\btables?\b|\bcode blocks?\b|\bformatting\b/i;
const WORD_COUNT = /\b(\d{1,5})[\s-]*(?:words?|mots?)\b/i;
const STORY = /\bstor(?:y|ies)\b|\btale\b|\bhistoire\b|\bconte\b/i;
const ESSAY = /\bessay\b|\barticle\b|\blong (?:answer|text)\b|\bdissertation\b/i;

/** The longest answer generated, so that a typo cannot ask for megabytes. */
export const MAX_WORDS = 5000;

const DEFAULT_WORDS = { essay: 400, story: 300 } as const;

function longIntent(text: string): Intent | undefined {
  const count = WORD_COUNT.exec(text);
  const story = STORY.test(text);
  if (!count && !story && !ESSAY.test(text)) return undefined;
  const form = story ? 'story' : 'essay';
  const asked = count ? Number(count[1]) : DEFAULT_WORDS[form];
  return { kind: 'long', form, words: Math.min(Math.max(asked, 20), MAX_WORDS) };
}

/** Reads the intent of a user message. */
export function readIntent(text: string): Intent {
  const spoken = words(text);
  const greets = spoken.some((word) => GREETINGS.has(word));
  if ((greets && spoken.length <= 6) || (CAPABILITY_QUESTION.test(text) && spoken.length <= 8)) {
    return { kind: 'greeting' };
  }
  if (MARKDOWN.test(text)) return { kind: 'markdown' };
  return longIntent(text) ?? { kind: 'summary' };
}
