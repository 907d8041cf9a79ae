import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay in front of a Redis that can hold back the server's replies, like a network that
 * stalls: commands still reach Redis, but what Redis answers waits until {@link release}.
 */
export interface ReplyGate {
  /** The URL clients connect to instead of Redis's. */
  readonly url: string;
  /** From now on, keeps Redis's replies instead of passing them on. */
  hold(): void;
  /** Resolves once at least one reply is held; rejects after `ms`. */
  heldReply(ms: number): Promise<void>;
  /** Passes on every held reply, in order, and lets replies through again. */
  release(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  held: Buffer[];
}

/** Starts a gate on a free 127.0.0.1 port in front of the Redis on `redisPort`. */
export async function startReplyGate(redisPort: number): Promise<ReplyGate> {
  const pairs = new Set<Pair>();
  const sockets = new Set<Socket>();
  let holding = false;
  let onHeld: (() => void) | undefined;
  const server = createServer((client) => {
    const redis = connect(redisPort, '127.0.0.1');
    const pair: Pair = { client, held: [] };
    pairs.add(pair);
    for (const socket of [client, redis]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        sockets.delete(socket);
        pairs.delete(pair);
        client.destroy();
        redis.destroy();
      });
    }
    client.on('data', (bytes) => redis.write(bytes));
    redis.on('data', (bytes) => {
      if (!holding) {
        client.write(bytes);
        return;
      }
      pair.held.push(bytes);
      onHeld?.();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    hold: () => {
      holding = true;
    },
    heldReply: (ms) =>
      new Promise((resolve, reject) => {
        if ([...pairs].some((pair) => pair.held.length > 0)) return resolve();
        const timer = setTimeout(() => reject(new Error(`no reply held within ${ms} ms`)), ms);
        onHeld = () => {
          clearTimeout(timer);
          onHeld = undefined;
          resolve();
        };
      }),
    release: () => {
      holding = false;
      for (const pair of pairs) pair.client.write(Buffer.concat(pair.held.splice(0)));
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
