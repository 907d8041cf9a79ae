import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay between the browser and a demo server whose connections can be cut, as a dropped
 * Wi-Fi cuts them: chromium's offline emulation fails new requests but leaves a stream that is
 * already open running.
 */
export interface NetworkCut {
  /** The demo server's page, reached through the relay. */
  readonly url: string;
  /** Closes every open connection and refuses new ones until {@link restore}. */
  cut(): void;
  /** Lets connections through again. */
  restore(): void;
  close(): Promise<void>;
}

/** Starts a relay on a free 127.0.0.1 port in front of the server at `target`. */
export async function startNetworkCut(target: string): Promise<NetworkCut> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let down = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((browser) => {
    track(browser);
    if (down) {
      browser.destroy();
      return;
    }
    const demo = connect(Number(port), hostname);
    track(demo);
    browser.pipe(demo);
    demo.pipe(browser);
    browser.on('close', () => demo.destroy());
    demo.on('close', () => browser.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore: () => {
      down = false;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
