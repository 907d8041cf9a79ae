/** Where the endpoint under test sends its upstream calls: an emulator, with the server's key. */
export interface ContractUpstream {
  /** The API base the endpoint's client calls, e.g. `http://127.0.0.1:4123/v1`. */
  baseURL: string;
  /** The server's Portkey API key: the only key the upstream may ever see. */
  apiKey: string;
  /** The server's Portkey provider. */
  provider: string;
}

/** A running chat endpoint. `url` is the full URL that takes `POST` chat completions. */
export interface EndpointUnderTest {
  /** The full URL of the endpoint, e.g. `http://127.0.0.1:4124/api/chat`. */
  url: string;
  /** Stops the endpoint and frees everything it holds (servers, clients, processes). */
  close(): Promise<void>;
}

/** One platform the contract runs on. */
export interface ContractTarget {
  /** Shown in test names, e.g. 'Express 5', 'Nest on Fastify', 'Hono', 'Bun', 'Next.js'. */
  name: string;
  /**
   * Starts the platform's chat endpoint with the handler's default options except the upstream:
   * its client is `contractClient(upstream)` (or, for a separate process such as `next start`
   * or Bun, an equivalent client built from the same three values passed by environment).
   */
  start(upstream: ContractUpstream): Promise<EndpointUnderTest>;
}
