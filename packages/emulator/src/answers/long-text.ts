import type { Language } from './request-style.js';
import { type SeededRandom, seededRandom } from './seeded-random.js';
import { wordBank } from './word-bank.js';

/** What to write: an essay or a story, about what, how long, in which language. */
export interface LongTextRequest {
  form: 'essay' | 'story';
  subject: string;
  words: number;
  language: Language;
  /** The text the randomness is seeded with, so that the same request gives the same text. */
  seed: string;
}

/** Words as a reader counts them: runs of non-space holding a letter or a digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Articles that agree with the word drawn after them: "an old", "l’outil". */
function agree(sentence: string, language: Language): string {
  return language === 'en'
    ? sentence.replace(/\b([Aa]) ([aeio])/g, '$1n $2')
    : sentence.replace(/\b([Ll])e ([aeiouéèêh])/g, '$1’$2');
}

/**
 * The templates in the order they are used: a story's in its own order, so that it reads as a
 * plot, an essay's shuffled, each round in a new order so that no sentence comes back soon.
 */
function templateOrder(templates: readonly string[], story: boolean, random: SeededRandom) {
  let round: string[] = [];
  return () => {
    if (round.length === 0) {
      round = [...templates];
      for (let i = round.length - 1; i > 0 && !story; i--) {
        const j = Math.floor(random.next() * (i + 1));
        [round[i], round[j]] = [round[j] as string, round[i] as string];
      }
    }
    return round.shift() as string;
  };
}

/**
 * Writes an essay or a story of about the asked number of words (within a few words), as a
 * Markdown heading and paragraphs, from the sentence templates of the language's word bank.
 */
export function writeLongText(request: LongTextRequest): string {
  const bank = wordBank(request.language);
  const random = seededRandom(`${request.form}:${request.words}:${request.seed}`);
  const hero = random.pick(bank.heroes);
  const place = random.pick(bank.places);
  const fill = (template: string) =>
    agree(
      capitalise(
        template.replace(/\{([sanhp])\}/g, (_, slot: string) => {
          if (slot === 's') return request.subject;
          if (slot === 'h') return hero;
          if (slot === 'p') return place;
          return random.pick(slot === 'a' ? bank.adjectives : bank.nouns);
        }),
      ),
      request.language,
    );
  const title = `## ${fill(request.form === 'story' ? bank.storyTitle : bank.essayTitle)}`;
  const story = request.form === 'story';
  const nextTemplate = templateOrder(story ? bank.story : bank.essay, story, random);
  const paragraphs: string[][] = [[]];
  let total = countWords(title);
  const add = (sentence: string) => {
    const paragraph = paragraphs.at(-1) as string[];
    if (paragraph.length >= 4 && random.next() < 0.4) paragraphs.push([sentence]);
    else paragraph.push(sentence);
    total += countWords(sentence);
  };
  for (let misses = 0; misses < 8; ) {
    const sentence = fill(nextTemplate());
    if (total + countWords(sentence) > request.words) misses++;
    else add(sentence);
  }
  for (let misses = 0; misses < 8 && total < request.words; ) {
    const sentence = fill(random.pick(bank.fillers));
    if (total + countWords(sentence) > request.words) misses++;
    else add(sentence);
  }
  const body = paragraphs.filter((paragraph) => paragraph.length > 0).map((p) => p.join(' '));
  return [title, ...body].join('\n\n');
}
