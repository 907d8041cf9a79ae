import { words } from '../text-facts.js';

const STOP_WORDS = new Set(
  (
    'the a an is are was what who how why when where which can you me my i to of in on for and ' +
    'or it this that please tell about do does with be your at give some s'
  ).split(' '),
);

/** Words that say what kind of answer is wanted rather than what it is about. */
const REQUEST_WORDS = new Set(
  (
    'write writing show essay essays story stories long longer words word markdown table tables ' +
    'code block blocks formatting answer text article paragraph paragraphs short example demo ' +
    'using use into écris écrire essai histoire longue mots sur les des une dans pour'
  ).split(' '),
);

/** The first few distinct keywords of a text: what it is about. */
export function keywords(text: string, count = 3): string[] {
  const found = words(text).filter((word) => !STOP_WORDS.has(word) && word.length > 2);
  return [...new Set(found)].slice(0, count);
}

const NAMED_SUBJECT = /\b(?:about|on|of|sur|de)\s+(?=((?:[\p{L}\p{N}'’-]+ ?){1,4}))/giu;

function isSubject(candidate: string): boolean {
  return keywords(candidate).some((word) => !REQUEST_WORDS.has(word) && !/^\d+$/.test(word));
}

/**
 * What a request for a long answer or a Markdown sample is about: the words after "about" (as
 * in "an essay about the sea"), else its first keywords, else `fallback`.
 */
export function subjectOf(text: string, fallback: string): string {
  for (const match of text.matchAll(NAMED_SUBJECT)) {
    const candidate = match[1]?.trim() ?? '';
    if (isSubject(candidate)) return candidate;
  }
  const found = keywords(text, 12).filter(
    (word) => !REQUEST_WORDS.has(word) && !/^\d+$/.test(word),
  );
  return found.slice(0, 2).join(' ') || fallback;
}
