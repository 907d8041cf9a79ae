import { describeEndpointContract } from '@chatwire/endpoint-contract';
import { startDemoServer } from 'demo-web/e2e';

// The contract's upstream reaches `next start` by environment, as Portkey's settings would.
describeEndpointContract({
  name: 'Next.js (next start)',
  start: async (upstream) => {
    const server = await startDemoServer('demo-next', {
      PORTKEY_API_KEY: upstream.apiKey,
      PORTKEY_BASE_URL: upstream.baseURL,
      PORTKEY_PROVIDER: upstream.provider,
    });
    return { url: `${server.url}/api/v1/chat/completions`, close: () => server.close() };
  },
});
