import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { chunksOf, eventsOf, type Loose, postChat, user } from './support/http.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

describe('non-streamed answers', () => {
  it('answers in the chat.completion wire format with usage', async () => {
    const { status, json } = await postChat(emulator.url, {
      model: 'gpt-4o-mini',
      messages: [user('Hello!')],
    });
    const body = json as Record<string, Loose>;
    expect(status).toBe(200);
    expect(body.id).toMatch(/^chatcmpl-\w+$/);
    expect(body.object).toBe('chat.completion');
    expect(body.model).toBe('gpt-4o-mini');
    expect(Number.isInteger(body.created)).toBe(true);
    expect(body.system_fingerprint).toMatch(/^fp_/);
    expect(body.choices[0].message.role).toBe('assistant');
    expect(body.choices[0].message.content).toMatch(/hello/i);
    expect(body.choices[0].finish_reason).toBe('stop');
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it('gives the same text for the same question', async () => {
    const question = { model: 'm', messages: [user('Explain how rainbows form in the sky.')] };
    const first = (await postChat(emulator.url, question)).json as Record<string, Loose>;
    const second = (await postChat(emulator.url, question)).json as Record<string, Loose>;
    expect(second.choices[0].message.content).toBe(first.choices[0].message.content);
    expect(first.choices[0].message.content).toContain('rainbows');
  });

  it('counts the images of a vision message', async () => {
    const content = [
      { type: 'text', text: 'What is in these?' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
    ];
    const { json } = await postChat(emulator.url, {
      model: 'm',
      messages: [{ role: 'user', content }],
    });
    expect((json as Record<string, Loose>).choices[0].message.content).toContain('2 images');
  });

  it('returns n choices with their indexes', async () => {
    const { json } = await postChat(emulator.url, {
      model: 'm',
      n: 3,
      messages: [user('Name a colour')],
    });
    const choices = (json as Record<string, Loose>).choices as Array<Record<string, Loose>>;
    expect(choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
  });

  it('stops at max_tokens with finish_reason length', async () => {
    const { json } = await postChat(emulator.url, {
      model: 'm',
      max_tokens: 2,
      messages: [user('Tell me a long story about dragons')],
    });
    const body = json as Record<string, Loose>;
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBe(2);
  });

  it('honours max_completion_tokens too', async () => {
    const { json } = await postChat(emulator.url, {
      model: 'm',
      max_completion_tokens: 1,
      messages: [user('Tell me a story')],
    });
    expect((json as Record<string, Loose>).choices[0].finish_reason).toBe('length');
  });

  it('cuts the text before a stop sequence', async () => {
    const { json } = await postChat(emulator.url, {
      model: 'm',
      stop: ['words'],
      messages: [user('Summarise these words for me')],
    });
    const content = (json as Record<string, Loose>).choices[0].message.content as string;
    expect(content).not.toContain('words');
    expect(content.length).toBeGreaterThan(0);
  });

  it('reports logprobs with top_logprobs when asked', async () => {
    const { json } = await postChat(emulator.url, {
      model: 'm',
      logprobs: true,
      top_logprobs: 3,
      messages: [user('Hi there')],
    });
    const choice = (json as Record<string, Loose>).choices[0];
    const tokens = choice.logprobs.content as Array<Record<string, Loose>>;
    expect(tokens.map((token) => token.token).join('')).toBe(choice.message.content);
    for (const token of tokens) {
      expect(token.logprob).toBeLessThanOrEqual(0);
      expect(token.top_logprobs).toHaveLength(3);
      expect(token.bytes).toEqual([...Buffer.from(token.token)]);
    }
  });

  it('answers json_object with a JSON object', async () => {
    const { json } = await postChat(emulator.url, {
      model: 'm',
      response_format: { type: 'json_object' },
      messages: [user('Give me JSON')],
    });
    const parsed = JSON.parse((json as Record<string, Loose>).choices[0].message.content);
    expect(typeof parsed).toBe('object');
    expect(parsed.question).toBe('Give me JSON');
  });

  it('answers json_schema with a value of the requested shape', async () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string', minLength: 3 },
        rating: { type: 'integer', minimum: 1, maximum: 5 },
        mood: { type: 'string', enum: ['happy', 'sad'] },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
        author: { $ref: '#/$defs/person' },
      },
      required: ['title', 'rating', 'mood', 'tags', 'author'],
      additionalProperties: false,
      $defs: {
        person: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      },
    };
    const { json } = await postChat(emulator.url, {
      model: 'm',
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'review', schema, strict: true },
      },
      messages: [user('Review this film')],
    });
    const value = JSON.parse((json as Record<string, Loose>).choices[0].message.content);
    expect(Object.keys(value).sort()).toEqual(['author', 'mood', 'rating', 'tags', 'title']);
    expect(value.title.length).toBeGreaterThanOrEqual(3);
    expect(value.rating).toBeGreaterThanOrEqual(1);
    expect(['happy', 'sad']).toContain(value.mood);
    expect(value.tags.length).toBeGreaterThanOrEqual(2);
    expect(typeof value.author.name).toBe('string');
  });
});

describe('streamed answers', () => {
  it('streams chunks token by token and ends with [DONE]', async () => {
    const { status, headers, text } = await postChat(emulator.url, {
      model: 'm',
      stream: true,
      messages: [user('Hello')],
    });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await eventsOf(text);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = await chunksOf(text);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[0]?.choices[0].delta.role).toBe('assistant');
    expect(chunks.length).toBeGreaterThan(4);
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe('stop');
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('streams the same text as the non-streamed answer', async () => {
    const body = { model: 'm', messages: [user('What do bees make?')] };
    const whole = (await postChat(emulator.url, body)).json as Record<string, Loose>;
    const chunks = await chunksOf((await postChat(emulator.url, { ...body, stream: true })).text);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(whole.choices[0].message.content);
  });

  it('ends with a usage-only chunk when include_usage is set', async () => {
    const { text } = await postChat(emulator.url, {
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      messages: [user('Hello')],
    });
    const chunks = await chunksOf(text);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage.total_tokens).toBeGreaterThan(0);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('interleaves n choices, each finishing', async () => {
    const chunks = await chunksOf(
      (await postChat(emulator.url, { model: 'm', n: 2, stream: true, messages: [user('Hi')] }))
        .text,
    );
    const finished = chunks
      .flatMap((chunk) => chunk.choices)
      .filter((choice) => choice.finish_reason);
    expect(finished.map((choice) => choice.index).sort()).toEqual([0, 1]);
  });

  it('carries logprobs on content chunks', async () => {
    const chunks = await chunksOf(
      (
        await postChat(emulator.url, {
          model: 'm',
          stream: true,
          logprobs: true,
          messages: [user('Hi')],
        })
      ).text,
    );
    const content = chunks.filter((chunk) => chunk.choices[0]?.delta.content);
    expect(
      content.every(
        (chunk) => chunk.choices[0].logprobs.content[0].token === chunk.choices[0].delta.content,
      ),
    ).toBe(true);
  });
});

describe('models', () => {
  it('lists its models', async () => {
    const response = await fetch(`${emulator.url}/models`);
    const body = (await response.json()) as Record<string, Loose>;
    expect(body.object).toBe('list');
    expect(body.data.map((model: Record<string, unknown>) => model.id)).toContain('gpt-4o-mini');
    expect(body.data[0].object).toBe('model');
  });
});
