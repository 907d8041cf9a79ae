import type { Language } from './request-style.js';

const ENGLISH_SWAPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bhello\b|\bhi\b|\bhey\b/gi, 'ahoy'],
  [/\byes\b/gi, 'aye'],
  [/\bmy\b/gi, 'me'],
  [/\byou are\b/gi, 'ye be'],
  [/\bI am\b/g, 'I be'],
  [/\bI'm\b/g, 'I be'],
  [/\bis\b/gi, 'be'],
  [/\bare\b/gi, 'be'],
  [/\byour\b/gi, 'yer'],
  [/\byou\b/gi, 'ye'],
  [/\bfriends?\b/gi, 'matey'],
  [/\bthe sea\b/gi, 'the briny deep'],
  [/\bmoney\b|\bgold\b/gi, 'doubloons'],
  [/\bstop\b/gi, 'avast'],
];

const FRENCH_SWAPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bbonjour\b/gi, 'ohé'],
  [/\bami(e)?s?\b/gi, 'moussaillon'],
  [/\boui\b/gi, 'pardi, oui'],
];

const OPENINGS = { en: 'Arr! ', fr: 'Mille sabords ! ' } as const;
const CLOSINGS = { en: ' Yo-ho-ho!', fr: ' À l’abordage !' } as const;

function matchCase(original: string, replacement: string): string {
  return original.charAt(0) === original.charAt(0).toUpperCase() &&
    original.charAt(0) !== original.charAt(0).toLowerCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

function rewriteProse(text: string, language: Language): string {
  const swaps = language === 'fr' ? FRENCH_SWAPS : ENGLISH_SWAPS;
  let rewritten = text;
  for (const [pattern, replacement] of swaps) {
    rewritten = rewritten.replace(pattern, (found) => matchCase(found, replacement));
  }
  return language === 'en' ? rewritten.replace(/(\w{3})ing\b/g, "$1in'") : rewritten;
}

/**
 * Says an answer as a pirate would: pirate words in the prose, an "Arr!" before and a
 * "Yo-ho-ho!" after. Code (fenced blocks and inline code) and link targets are left as they were.
 */
export function inPirateVoice(text: string, language: Language): string {
  const pieces = text.split(/(```[\s\S]*?```|`[^`\n]*`|\]\([^)\s]*\))/);
  const body = pieces
    .map((piece, index) => (index % 2 === 1 ? piece : rewriteProse(piece, language)))
    .join('');
  const heading = /^#+ /.test(body);
  return heading
    ? `${body.trimEnd()}\n\n${OPENINGS[language].trim()}${CLOSINGS[language]}`
    : `${OPENINGS[language]}${body.trimEnd()}${CLOSINGS[language]}`;
}
