import { words } from '../text-facts.js';
import { colourName, hexOf } from './colour-names.js';
import { listOf, type Phrasebook, quote } from './phrasebook.js';
import { keywords } from './topic.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** The scripted assistant's English. */
export const ENGLISH: Phrasebook = {
  greeting: [
    "Hello! I'm the chatwire emulator: a scripted model that runs on your machine, with no key and no network. Things to try:",
    '',
    '- **Markdown**: "Show me some Markdown" gives headings, lists, a table and code in TypeScript, Python and bash.',
    '- **A long answer**: "Write a 500-word essay about the sea" streams word by word.',
    '- **A persona**: set the system prompt to "You are a pirate", "Answer in French" or "Answer in JSON".',
    '- **The weather tool**: "What\'s the weather in Lisbon?"',
    '- **An image**: attach a picture and I will tell you its size and main colour.',
    '- **Structured JSON**: ask with a `response_format` and I answer in that shape.',
  ].join('\n'),
  empty: 'Your message was empty. Send some text and I will summarise it.',
  summary(text) {
    const wordCount = words(text).length;
    const sentences = text.split(/[.!?]+(?:\s|$)/).filter((sentence) => sentence.trim()).length;
    const kind = text.trim().endsWith('?') ? 'a question' : 'a message';
    const sentencePart = sentences > 1 ? ` in ${sentences} sentences` : '';
    const about = keywords(text).join(', ') || 'nothing in particular';
    return `You sent ${kind} of ${wordCount} ${wordCount === 1 ? 'word' : 'words'}${sentencePart}: "${quote(text, 12)}". In short, it is about ${about}.`;
  },
  imageCount: (count) => (count === 1 ? 'I can see 1 image' : `I can see ${count} images`),
  image(facts, position, of) {
    const lead = of === 1 ? 'It is' : `The ${ORDINALS[position] ?? `image ${position + 1}`} is`;
    if (facts.kind === 'remote') return `${lead} at ${facts.url}, which I cannot open offline.`;
    if (facts.kind === 'unreadable') return `${lead} a file I could not read as an image.`;
    const size = `a ${facts.width} × ${facts.height} ${facts.format}`;
    if (!facts.mainColour) return `${lead} ${size}.`;
    return `${lead} ${size}, mostly ${colourName(facts.mainColour).en} (${hexOf(facts.mainColour)}).`;
  },
  weather({ temperature, unit, conditions, place }) {
    const degrees = unit ? `${temperature} ${unit}` : `${temperature} degrees`;
    const sky = conditions ? ` and ${conditions}` : '';
    const where = place ? ` in ${place}` : '';
    return `It's ${degrees}${sky}${where}.`;
  },
  toolResult({ tool, fields, plain, error }) {
    if (error) return `The ${tool} tool failed: ${error}.`;
    if (plain !== undefined)
      return plain ? `The ${tool} tool says: ${plain}.` : `The ${tool} tool returned nothing.`;
    const values = fields.map(([name, value]) => `${name} is ${value}`);
    return values.length > 0
      ? `According to the ${tool} tool, ${listOf(values, 'and')}.`
      : `The ${tool} tool returned nothing.`;
  },
  alternative: (index) => `(Alternative ${index + 1}.)`,
};
