import 'reflect-metadata';
import { contractClient, describeEndpointContract } from '@chatwire/endpoint-contract';
import { Test } from '@nestjs/testing';
import { CHATWIRE_CLIENT, ChatwireModule } from '../../src/index.js';
import { startOnFastify } from '../support/fastify-app.js';

describeEndpointContract({
  name: 'Nest on Fastify',
  start: async (upstream) => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ChatwireModule.forRoot({ baseURL: upstream.baseURL, endpoint: { path: 'api/chat' } }),
      ],
    })
      .overrideProvider(CHATWIRE_CLIENT)
      .useValue(contractClient(upstream))
      .compile();
    // As the README sets it up: Fastify parses the body before any route runs, and the global
    // filter answers its refusals (malformed JSON, too large) in the endpoint's words.
    const { app, origin } = await startOnFastify(moduleRef);
    // The module closes its client when the application closes.
    return { url: `${origin}/api/chat`, close: () => app.close() };
  },
});
