import { type ChatwireClient, createClient } from '../client/index.js';

/** The client a handler calls Portkey through: the one it was given, or one of its own. */
export interface UpstreamClient {
  /** The client; one of its own is made from the environment on the first call. */
  get(): ChatwireClient;
  /** Closes the client made here, if any (a given client belongs to its owner). */
  close(): Promise<void>;
}

/** The handler's client: `given`, or one made from the environment when first needed. */
export function upstreamClient(given: ChatwireClient | undefined): UpstreamClient {
  let own: ChatwireClient | undefined;
  return {
    get: () => {
      if (given !== undefined) return given;
      own ??= createClient();
      return own;
    },
    close: async () => {
      const owned = own;
      own = undefined;
      await owned?.close();
    },
  };
}
