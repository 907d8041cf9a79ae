import 'reflect-metadata';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import {
  type CanActivate,
  Controller,
  ForbiddenException,
  Injectable,
  Module,
  Post,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChatCompletionsService,
  ChatwireExceptionFilter,
  ChatwireModule,
  createChatCompletionsController,
} from '../src/index.js';
import { PLATFORM, type StartedApp, startApp } from './support/nest-app.js';
import { invalidJSONAnswer, postJSON } from './support/post-json.js';

@Injectable()
class DenyAll implements CanActivate {
  canActivate(): boolean {
    throw new ForbiddenException('Sign in to chat.');
  }
}

@UseGuards(DenyAll)
class GuardedChat extends createChatCompletionsController('guarded/chat') {}

@Controller('summaries')
@UseFilters(ChatwireExceptionFilter)
class Summaries {
  constructor(private readonly completions: ChatCompletionsService) {}

  @Post('rate-limited')
  async rateLimited(): Promise<unknown> {
    return this.completions.create({
      model: 'scenario:rate-limit',
      messages: [{ role: 'user', content: 'hi' }],
    });
  }

  @Post('failing')
  async failing(): Promise<unknown> {
    return this.completions.create({
      model: 'scenario:server-error',
      messages: [{ role: 'user', content: 'hi' }],
    });
  }
}

let emulator: Emulator;
let filtered: StartedApp;
let unfiltered: StartedApp;

// Routes of one's own that read bodies keep Nest's parser on Express; Fastify always parses.
async function startAppModule(globalFilter: boolean): Promise<StartedApp> {
  @Module({
    imports: [ChatwireModule.forRoot({ baseURL: emulator.url, apiKey: 'test', maxRetries: 0 })],
    controllers: [GuardedChat, Summaries],
  })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  return startApp(moduleRef, { bodyParser: true, globalFilter });
}

beforeAll(async () => {
  emulator = await startEmulator();
  filtered = await startAppModule(true);
  unfiltered = await startAppModule(false);
});

afterAll(async () => {
  await filtered.app.close();
  await unfiltered.app.close();
  await emulator.close();
});

describe(`ChatwireExceptionFilter on ${PLATFORM}`, () => {
  it('answers a guard refusal on the endpoint in the OpenAI error shape', async () => {
    const response = await postJSON(`${filtered.origin}/guarded/chat`, '{"messages":[]}');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      error: { message: 'Sign in to chat.', type: 'permission_error', param: null, code: null },
    });
  });

  it('answers the guard refusal so without a global filter too, as the endpoint carries it', async () => {
    const response = await postJSON(`${unfiltered.origin}/guarded/chat`, '{"messages":[]}');
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { type: 'permission_error' } });
  });

  it("maps the service's upstream errors in your own routes, keeping retry-after", async () => {
    const response = await fetch(`${unfiltered.origin}/summaries/rate-limited`, {
      method: 'POST',
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  });

  it('answers an upstream server error with its status and a message of its own', async () => {
    const response = await fetch(`${filtered.origin}/summaries/failing`, { method: 'POST' });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(body.error.message).not.toBe('The server failed to answer the request.');
  });

  it('with the filter global, answers malformed JSON to your own routes like the endpoint', async () => {
    const response = await postJSON(`${filtered.origin}/summaries/failing`, '{"messages": [');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(invalidJSONAnswer);
  });
});
