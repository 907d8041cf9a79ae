import 'reflect-metadata';
import { type ChatwireClient, InvalidOptionError } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CHATWIRE_CLIENT,
  ChatCompletionsService,
  ChatwireModule,
  InjectChatwireClient,
} from '../src/index.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.close();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const hello = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hello' }] };

@Injectable()
class Greeter {
  constructor(
    readonly completions: ChatCompletionsService,
    @InjectChatwireClient() readonly client: ChatwireClient,
  ) {}
}

describe('ChatwireModule.forRoot', () => {
  it('provides the service and the client, sharing one client', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ChatwireModule.forRoot({ baseURL: emulator.url, apiKey: 'test-key' })],
      providers: [Greeter],
    }).compile();
    const greeter = moduleRef.get(Greeter);
    expect(greeter.client).toBe(moduleRef.get(CHATWIRE_CLIENT));
    expect(greeter.completions.client).toBe(greeter.client);
    expect(greeter.client.baseURL).toBe(emulator.url);

    const completion = await greeter.completions.create(hello);
    expect(completion.choices[0]?.message.content).toMatch(/Hello/);
    const received = emulator.requests.at(-1);
    expect(received?.headers['x-portkey-api-key']).toBe('test-key');
    await moduleRef.close();
  });

  it('with isGlobal, lets modules that do not import it inject the service', async () => {
    @Module({ providers: [Greeter], exports: [Greeter] })
    class FeatureModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        ChatwireModule.forRoot({ baseURL: emulator.url, apiKey: 'test', isGlobal: true }),
        FeatureModule,
      ],
    }).compile();
    expect(moduleRef.get(Greeter).completions).toBeInstanceOf(ChatCompletionsService);
    await moduleRef.close();
  });

  it('sends the Portkey options it was given with every call', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ChatwireModule.forRoot({
          baseURL: emulator.url,
          apiKey: 'test',
          provider: 'openai',
          metadata: { app: 'nest-test' },
        }),
      ],
    }).compile();
    await moduleRef.get(ChatCompletionsService).create(hello, { traceId: 'module-trace-1' });
    const received = await emulator.waitForRequest(
      (request) => request.headers['x-portkey-trace-id'] === 'module-trace-1',
    );
    expect(received.headers['x-portkey-provider']).toBe('openai');
    expect(JSON.parse(received.headers['x-portkey-metadata'] ?? '{}')).toEqual({
      app: 'nest-test',
    });
    await moduleRef.close();
  });
});

describe('ChatwireModule.forRootAsync', () => {
  it('builds the client from ConfigService', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ChatwireModule.forRootAsync({
          imports: [
            ConfigModule.forRoot({
              ignoreEnvFile: true,
              load: [() => ({ GATEWAY_URL: emulator.url, GATEWAY_KEY: 'from-config' })],
            }),
          ],
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            baseURL: config.getOrThrow<string>('GATEWAY_URL'),
            apiKey: config.getOrThrow<string>('GATEWAY_KEY'),
          }),
        }),
      ],
      providers: [Greeter],
    }).compile();
    const greeter = moduleRef.get(Greeter);
    expect(greeter.client.baseURL).toBe(emulator.url);
    await greeter.completions.create(hello, { traceId: 'async-config-1' });
    const received = await emulator.waitForRequest(
      (request) => request.headers['x-portkey-trace-id'] === 'async-config-1',
    );
    expect(received.headers['x-portkey-api-key']).toBe('from-config');
    await moduleRef.close();
  });

  it('accepts an options factory class', async () => {
    @Injectable()
    class ChatwireSettings {
      create() {
        return { baseURL: emulator.url, apiKey: 'from-class' };
      }
    }
    const moduleRef = await Test.createTestingModule({
      imports: [ChatwireModule.forRootAsync({ useClass: ChatwireSettings })],
    }).compile();
    expect(moduleRef.get<ChatwireClient>(CHATWIRE_CLIENT).baseURL).toBe(emulator.url);
    await moduleRef.close();
  });
});

describe('startup checks', () => {
  it('refuses to start without an API key for the hosted gateway, naming what to set', async () => {
    vi.stubEnv('PORTKEY_API_KEY', '');
    vi.stubEnv('PORTKEY_BASE_URL', '');
    const compiling = Test.createTestingModule({
      imports: [ChatwireModule.forRoot({ provider: 'openai' })],
    }).compile();
    await expect(compiling).rejects.toThrow(InvalidOptionError);
    await expect(compiling).rejects.toThrow(/'apiKey' option or the PORTKEY_API_KEY environment/);
  });

  it('treats a blank apiKey from configuration as missing', async () => {
    vi.stubEnv('PORTKEY_API_KEY', '');
    vi.stubEnv('PORTKEY_BASE_URL', '');
    const compiling = Test.createTestingModule({
      imports: [
        ChatwireModule.forRootAsync({
          imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ KEY: '' })] })],
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({ apiKey: config.get<string>('KEY') }),
        }),
      ],
    }).compile();
    await expect(compiling).rejects.toThrow(/PORTKEY_API_KEY/);
  });

  it('takes the API key from PORTKEY_API_KEY when the option is absent', async () => {
    vi.stubEnv('PORTKEY_API_KEY', 'from-env');
    vi.stubEnv('PORTKEY_BASE_URL', '');
    const hosted = await Test.createTestingModule({
      imports: [ChatwireModule.forRoot({})],
    }).compile();
    expect(hosted.get<ChatwireClient>(CHATWIRE_CLIENT).baseURL).toBe('https://api.portkey.ai/v1');
    await hosted.close();

    // The hosted gateway is out of reach here: the emulator shows the key the client sends.
    vi.stubEnv('PORTKEY_BASE_URL', emulator.url);
    const moduleRef = await Test.createTestingModule({
      imports: [ChatwireModule.forRoot({})],
    }).compile();
    await moduleRef.get(ChatCompletionsService).create(hello);
    expect(emulator.requests.at(-1)?.headers['x-portkey-api-key']).toBe('from-env');
    await moduleRef.close();
  });

  it('needs no API key for a self-hosted gateway given in PORTKEY_BASE_URL', async () => {
    vi.stubEnv('PORTKEY_API_KEY', '');
    vi.stubEnv('PORTKEY_BASE_URL', emulator.url);
    const moduleRef = await Test.createTestingModule({
      imports: [ChatwireModule.forRoot({})],
    }).compile();
    const completion = await moduleRef.get(ChatCompletionsService).create(hello);
    expect(completion.object).toBe('chat.completion');
    await moduleRef.close();
  });

  it('refuses a baseURL that is not an http URL', async () => {
    const compiling = Test.createTestingModule({
      imports: [ChatwireModule.forRoot({ baseURL: 'localhost:8787' })],
    }).compile();
    await expect(compiling).rejects.toThrow(/baseURL option must be an/);
  });

  it('refuses an invalid client option with its name', async () => {
    const compiling = Test.createTestingModule({
      imports: [ChatwireModule.forRoot({ baseURL: emulator.url, maxRetries: -1 })],
    }).compile();
    await expect(compiling).rejects.toThrow(/ChatwireModule: maxRetries must be/);
  });

  it('refuses a factory that returns no options', async () => {
    const compiling = Test.createTestingModule({
      imports: [
        ChatwireModule.forRootAsync({
          useFactory: () => undefined as unknown as { baseURL: string },
        }),
      ],
    }).compile();
    await expect(compiling).rejects.toThrow(/useFactory returned undefined/);
  });

  it('refuses an endpoint path returned by the factory, saying where to put it', async () => {
    const compiling = Test.createTestingModule({
      imports: [
        ChatwireModule.forRootAsync({
          useFactory: () => ({ baseURL: emulator.url, endpoint: { path: 'api/chat' } }),
        }),
      ],
    }).compile();
    await expect(compiling).rejects.toThrow(/Give the path to forRootAsync itself/);
  });

  it('refuses an invalid endpoint policy', async () => {
    const compiling = Test.createTestingModule({
      imports: [
        ChatwireModule.forRoot({
          baseURL: emulator.url,
          endpoint: { path: 'api/chat', maxTokens: 0 },
        }),
      ],
    }).compile();
    await expect(compiling).rejects.toThrow(/endpoint\.maxTokens must be a positive integer/);
  });
});

describe('shutdown', () => {
  it('closes the client when the application closes', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ChatwireModule.forRoot({ baseURL: emulator.url, apiKey: 'test' })],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    const service = app.get(ChatCompletionsService);
    await expect(service.create(hello)).resolves.toHaveProperty('object', 'chat.completion');
    await app.close();
    await expect(service.create(hello, { maxRetries: 0 })).rejects.toThrow();
  });
});
