import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { chunksOf, type Loose, postChat, user } from './support/http.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

type Message = { role: string; content: string };

async function answer(messages: Message[], extra: Record<string, unknown> = {}): Promise<string> {
  const { json } = await postChat(emulator.url, { model: 'm', messages, ...extra });
  return (json as Record<string, Loose>).choices[0].message.content;
}

const system = (content: string): Message => ({ role: 'system', content });

function wordCount(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

describe('the greeting', () => {
  it('lists what to try on the page as a Markdown list', async () => {
    for (const hello of ['Hello', 'Hi, what can you do?']) {
      const text = await answer([user(hello)]);
      expect(text).toMatch(/^Hello!/);
      const items = text.split('\n').filter((line) => line.startsWith('- '));
      expect(items.length).toBeGreaterThanOrEqual(5);
      for (const feature of ['Markdown', 'essay', 'pirate', 'weather', 'image', 'JSON']) {
        expect(text).toContain(feature);
      }
    }
  });
});

describe('Markdown on request', () => {
  it('answers with headings, lists, a table, links and code in several languages', async () => {
    const text = await answer([user('Show me some Markdown about gardening')]);
    expect(text).toMatch(/^# Gardening/m);
    expect(text).toMatch(/^## /m);
    expect(text).toMatch(/^1\. /m);
    expect(text).toMatch(/^- /m);
    expect(text).toMatch(/^\|.+\|\n\|[-:| ]+\|\n(\|.+\|\n)+/m);
    for (const language of ['typescript', 'python', 'bash']) {
      expect(text).toMatch(new RegExp(`^\`\`\`${language}\\n[\\s\\S]+?\\n\`\`\`$`, 'm'));
    }
    expect(text).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
  });

  it('gives the same Markdown for the same request', async () => {
    const messages = [user('Show me a table')];
    expect(await answer(messages)).toBe(await answer(messages));
  });
});

describe('long answers', () => {
  it.each([120, 500, 1200])('writes an essay of about %i words when asked', async (words) => {
    const text = await answer([user(`Write a ${words}-word essay about lighthouses`)]);
    expect(Math.abs(wordCount(text) - words)).toBeLessThanOrEqual(words * 0.1);
    expect(text).toMatch(/^## On lighthouses/);
    expect(text).toContain('lighthouses');
    expect(text.split('\n\n').length - 1).toBeGreaterThan(Math.floor(words / 200));
  });

  it('tells a long story about the subject asked for', async () => {
    const text = await answer([user('Tell me a long story about dragons')]);
    expect(text).toMatch(/^## A story of dragons/);
    expect(wordCount(text)).toBeGreaterThan(250);
  });

  it('gives the same essay for the same request and another for another subject', async () => {
    const messages = [user('Write an essay about bridges')];
    const first = await answer(messages);
    expect(await answer(messages)).toBe(first);
    expect(await answer([user('Write an essay about rivers')])).not.toBe(
      first.replaceAll('bridges', 'rivers'),
    );
  });

  it('streams a long answer in word-sized chunks that add up to the whole answer', async () => {
    const body = { model: 'm', messages: [user('Write a 300 word essay about clocks')] };
    const whole = await answer(body.messages);
    const chunks = await chunksOf((await postChat(emulator.url, { ...body, stream: true })).text);
    const deltas = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '');
    expect(deltas.join('')).toBe(whole);
    expect(deltas.length).toBeGreaterThan(300);
    expect(Math.max(...deltas.map((delta: string) => delta.trim().length))).toBeLessThan(20);
  });
});

describe('following the system prompt', () => {
  it('speaks as a pirate when the system prompt asks for one', async () => {
    const question = user('Explain how rainbows form in the sky.');
    const plain = await answer([question]);
    const pirate = await answer([system('You are a pirate.'), question]);
    expect(pirate).not.toBe(plain);
    expect(pirate).toMatch(/^Arr! /);
    expect(pirate).toMatch(/Yo-ho-ho!$/);
    expect(pirate).toContain('rainbows');
  });

  it('keeps code as it was in a pirate’s Markdown', async () => {
    const pirate = await answer([system('Talk like a pirate'), user('Show me Markdown')]);
    expect(pirate).toContain('```python\ndef describe(note: dict) -> str:');
    expect(pirate).toMatch(/Yo-ho-ho!$/);
  });

  it('answers in French when the system prompt asks for French', async () => {
    const text = await answer([system('Answer in French.'), user('Hello')]);
    expect(text).toMatch(/^Bonjour !/);
    const summary = await answer([system('Réponds en français.'), user('Why is the sea salty?')]);
    expect(summary).toContain('Vous avez envoyé une question de 5 mots');
  });

  it('answers with a JSON object when the system prompt asks for JSON', async () => {
    const text = await answer([system('Always answer in JSON.'), user('Name a colour')]);
    const parsed = JSON.parse(text);
    expect(parsed.question).toBe('Name a colour');
    expect(parsed.answer).toContain('colour');
  });
});

describe('tool results in sentences', () => {
  const call = (id: string, name: string, args: string) => ({
    role: 'assistant',
    content: null,
    tool_calls: [{ id, type: 'function', function: { name, arguments: args } }],
  });
  const result = (id: string, content: unknown) => ({
    role: 'tool',
    tool_call_id: id,
    content: JSON.stringify(content),
  });

  it('reads a weather report as a sentence', async () => {
    const report = { location: 'Paris', temperature: 21, unit: 'celsius', conditions: 'sunny' };
    const text = await answer([
      user('Weather in Paris?'),
      call('c1', 'get_weather', '{"location":"Paris"}'),
      result('c1', report),
    ] as never);
    expect(text).toBe("It's 21 °C and sunny in Paris.");
  });

  it('reads the demo apps’ and the functions example’s weather shapes', async () => {
    const text = await answer([
      user('Weather in Lisbon and Boston, in fahrenheit?'),
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'a', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
          { id: 'b', type: 'function', function: { name: 'get_current_weather', arguments: '{}' } },
        ],
      },
      result('a', { city: 'Lisbon', temperature: 64, unit: 'fahrenheit', conditions: 'windy' }),
      result('b', { location: 'Boston', unit: 'celsius', temperature: 22, forecast: 'foggy' }),
    ] as never);
    expect(text).toBe("It's 64 °F and windy in Lisbon. It's 22 °C and foggy in Boston.");
  });

  it('names the values of any other tool result instead of showing raw JSON', async () => {
    const text = await answer([
      user('Lookup the stock price of ACME'),
      call('s', 'lookup_stock_price', '{"ticker":"ACME"}'),
      result('s', { ticker: 'ACME', lastPrice: 123.4, currency: 'USD' }),
    ] as never);
    expect(text).toBe(
      'According to the lookup stock price tool, ticker is ACME, last price is 123.4 and currency is USD.',
    );
  });

  it('says in French what the weather is when asked for French', async () => {
    const text = await answer([
      system('Answer in French'),
      user('Météo à Paris ?'),
      call('c1', 'get_weather', '{"city":"Paris"}'),
      result('c1', { city: 'Paris', temperature: 21, unit: 'celsius', conditions: 'sunny' }),
    ] as never);
    expect(text).toBe('Il fait 21 °C à Paris, temps ensoleillé.');
  });
});
