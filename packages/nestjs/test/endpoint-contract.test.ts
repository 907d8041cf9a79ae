import 'reflect-metadata';
import { contractClient, describeEndpointContract } from '@chatwire/endpoint-contract';
import { Test } from '@nestjs/testing';
import { CHATWIRE_CLIENT, ChatwireModule } from '../src/index.js';
import { PLATFORM, startApp } from './support/nest-app.js';

describeEndpointContract({
  name: `Nest on ${PLATFORM}`,
  start: async (upstream) => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ChatwireModule.forRoot({ baseURL: upstream.baseURL, endpoint: { path: 'api/chat' } }),
      ],
    })
      .overrideProvider(CHATWIRE_CLIENT)
      .useValue(contractClient(upstream))
      .compile();
    // As the README sets it up. On Express, Nest's own JSON parser would answer malformed JSON
    // and large bodies in Nest's shape and with its 100 kB limit, before the endpoint's route
    // runs; on Fastify, which parses the body before any route runs, the global filter answers
    // its refusals (malformed JSON, too large) in the endpoint's words.
    const { app, origin } = await startApp(moduleRef);
    // The module closes its client when the application closes.
    return { url: `${origin}/api/chat`, close: () => app.close() };
  },
});
