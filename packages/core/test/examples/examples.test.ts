import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main as defaultCall } from '../../examples/default-call.js';
import { main as functions } from '../../examples/functions.js';
import { IMAGE_URL, main as imageInput } from '../../examples/image-input.js';
import { main as perRequestConfig } from '../../examples/per-request-config.js';
import { main as streaming } from '../../examples/streaming.js';
import type {
  ChatCompletionContentPart,
  ChatCompletionToolMessageParam,
} from '../../src/types/index.js';
import {
  type FakeAnswer,
  type OpenAIWireServer,
  type ReceivedRequest,
  startOpenAIWireServer,
} from '../support/openai-wire-server.js';

let server: OpenAIWireServer | undefined;
let printed: string;

beforeEach(() => {
  vi.stubEnv('PORTKEY_API_KEY', 'pk-example');
  printed = '';
  vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => {
    printed += `${values.join(' ')}\n`;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation((text: string | Uint8Array) => {
    printed += String(text);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function serve(answer: (request: ReceivedRequest) => FakeAnswer): Promise<string> {
  server = await startOpenAIWireServer(answer);
  return server.baseURL;
}

function firstUserText(request: ReceivedRequest): string {
  const content = request.body.messages[0]?.content;
  return typeof content === 'string' ? content : '';
}

describe('examples', () => {
  it('default-call asks one question and prints the answer', async () => {
    const baseURL = await serve((request) => ({ content: `You said: ${firstUserText(request)}` }));
    const answer = await defaultCall(baseURL);
    expect(answer).toBe('You said: Say this is a test');
    expect(printed).toContain('You said: Say this is a test');
    const request = server!.requests[0]!;
    expect(request.headers['x-portkey-api-key']).toBe('pk-example');
    expect(request.headers['x-portkey-provider']).toBe('openai');
    expect(request.body.stream).toBeUndefined();
  });

  it('image-input sends a text part and an image_url part', async () => {
    const baseURL = await serve((request) => {
      const parts = request.body.messages[0]?.content as ChatCompletionContentPart[];
      const images = parts.filter((part) => part.type === 'image_url');
      return { content: `I see ${images.length} image(s).` };
    });
    expect(await imageInput(baseURL)).toBe('I see 1 image(s).');
    expect(server!.requests[0]!.body.messages[0]?.content).toEqual([
      { type: 'text', text: 'What is in this image?' },
      { type: 'image_url', image_url: { url: IMAGE_URL, detail: 'low' } },
    ]);
  });

  it('streaming prints the chunks as they come and returns the accumulated text', async () => {
    const story = 'The lighthouse kept its lamp lit. One night, a ship answered.';
    const baseURL = await serve(() => ({ content: story }));
    expect(await streaming(baseURL)).toBe(story);
    expect(printed).toContain(`${story}\n`);
    expect(printed).toContain('15 tokens');
    expect(server!.requests[0]!.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('functions lets the model call get_current_weather through runTools', async () => {
    const baseURL = await serve((request) => {
      const last = request.body.messages.at(-1);
      if (last?.role !== 'tool') {
        return {
          toolCalls: [
            { id: 'call_1', name: 'get_current_weather', arguments: '{"location":"Boston, MA"}' },
          ],
        };
      }
      const weather = JSON.parse(String((last as ChatCompletionToolMessageParam).content));
      return { content: `It is ${weather.temperature}°C and ${weather.forecast} in Boston.` };
    });
    expect(await functions(baseURL)).toBe('It is 22°C and sunny and windy in Boston.');
    const [first, second] = server!.requests;
    expect(first?.body.tool_choice).toBe('auto');
    expect(first?.body.tools?.[0]?.function.name).toBe('get_current_weather');
    expect(second?.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content:
        '{"location":"Boston, MA","unit":"celsius","temperature":22,"forecast":"sunny and windy"}',
    });
  });

  it('per-request-config sends the trace id, metadata and config of that call', async () => {
    const baseURL = await serve(() => ({ content: 'Refunds within 30 days.' }));
    expect(await perRequestConfig(baseURL)).toBe('support-ticket-4711');
    const headers = server!.requests[0]!.headers;
    expect(headers['x-portkey-trace-id']).toBe('support-ticket-4711');
    expect(JSON.parse(String(headers['x-portkey-metadata']))).toEqual({
      _user: 'user-123',
      environment: 'staging',
    });
    expect(JSON.parse(String(headers['x-portkey-config']))).toEqual({
      retry: { attempts: 3 },
      cache: { mode: 'simple', max_age: 600 },
    });
    expect(printed).toContain('Refunds within 30 days.');
  });
});
