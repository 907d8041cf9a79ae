import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contractClient, describeEndpointContract } from '@chatwire/endpoint-contract';
import express from 'express';
import { chatCompletions } from '../src/index.js';
import { EXPRESS_NAME } from './express-version.js';

describeEndpointContract({
  name: EXPRESS_NAME,
  start: async (upstream) => {
    const client = contractClient(upstream);
    const middleware = chatCompletions({ client });
    const app = express();
    // Every method reaches the middleware, which answers all but POST with 405.
    app.all('/api/chat', middleware);
    const server = createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/api/chat`,
      close: async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await middleware.close();
        await client.close();
      },
    };
  },
});
