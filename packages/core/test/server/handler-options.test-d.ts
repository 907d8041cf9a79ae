import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ChatCompletionsFetchHandler,
  type ChatCompletionsHandlerOptions,
  type ChatRequestContext,
  createChatCompletionsFetchHandler,
  createChatCompletionsHandler,
  MemoryTurnStore,
  type ModelAllowFunction,
} from '../../src/server/index.js';

describe('the options of the node:http and fetch handlers', () => {
  it('are the same options: both handlers take options whose hooks read neither request', () => {
    const options = {
      defaultModel: 'gpt-4o-mini',
      allowedModels: ['gpt-4o-mini'],
      bodyLimit: 64 * 1024,
      maxJsonDepth: 32,
      keepAliveMs: 10_000,
      totalTimeoutMs: 60_000,
      upstreamErrors: 'safe' as const,
      turnStore: new MemoryTurnStore(),
      onDisconnect: 'abort' as const,
    };
    createChatCompletionsHandler(options);
    createChatCompletionsFetchHandler(options);
  });

  it('take hooks written for either request in both handlers', () => {
    const options: ChatCompletionsHandlerOptions<
      IncomingMessage | Request,
      ServerResponse | Headers
    > = {
      allowedModels: (model, request) => model.startsWith('gpt-') && request.method === 'POST',
      owner: (request) => request.url ?? '',
      onFinish: (info) => {
        expectTypeOf(info.traceId).toEqualTypeOf<string>();
      },
    };
    createChatCompletionsHandler(options);
    createChatCompletionsFetchHandler(options);
  });

  it("hand the fetch handler's hooks the Request and the answer's Headers", () => {
    createChatCompletionsFetchHandler({
      allowedModels: (_model, request) => request.headers.get('x-plan') === 'pro',
      portkeyOptions: (request, context) => {
        expectTypeOf(request).toEqualTypeOf<Request>();
        expectTypeOf(context).toEqualTypeOf<ChatRequestContext<Request, Headers>>();
        return { metadata: { _user: request.headers.get('x-user') ?? '' } };
      },
      onRequest: ({ response }) => {
        expectTypeOf(response).toEqualTypeOf<Headers>();
        return undefined;
      },
    });
  });

  it("hand the node:http handler's hooks node's request and response, as before", () => {
    createChatCompletionsHandler({
      portkeyOptions: (request, { response }) => {
        expectTypeOf(request).toEqualTypeOf<IncomingMessage>();
        expectTypeOf(response).toEqualTypeOf<ServerResponse>();
        return undefined;
      },
    });
    expectTypeOf<ModelAllowFunction>().parameter(1).toEqualTypeOf<IncomingMessage>();
    expectTypeOf<ChatRequestContext['request']>().toEqualTypeOf<IncomingMessage>();
  });

  it('refuse a hook that reads a request the handler does not receive', () => {
    const nodeOnly: ChatCompletionsHandlerOptions = {
      owner: (request) => String(request.headers['x-user']),
    };
    // @ts-expect-error the fetch handler hands its hooks a Request, which has no such headers
    createChatCompletionsFetchHandler(nodeOnly);
  });
});

describe('the fetch handler', () => {
  it('takes a Request, resolves to a Response, and closes', () => {
    const handler = createChatCompletionsFetchHandler();
    expectTypeOf(handler).toEqualTypeOf<ChatCompletionsFetchHandler>();
    expectTypeOf(handler).parameters.toEqualTypeOf<[Request]>();
    expectTypeOf(handler).returns.toEqualTypeOf<Promise<Response>>();
    expectTypeOf(handler.close).returns.toEqualTypeOf<Promise<void>>();
  });
});
