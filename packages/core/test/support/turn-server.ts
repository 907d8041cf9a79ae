import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chunk, usageChunk } from '../chat/openai-sse-server.js';
import { closeWhenTestEnds } from './test-lifetime.js';

/** How a {@link TurnServer} answers: one scripted answer for every turn. */
export interface TurnServerOptions {
  /** The content pieces of the answer, one event each. */
  pieces: readonly string[];
  /** The time between two events of a turn, in milliseconds. Defaults to 5. */
  intervalMs?: number;
  /** Stops producing after this many events until {@link TurnServer.release} (a stalled upstream). */
  holdAfter?: number;
}

/** One request as the server received it. */
export interface TurnServerRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** A chat endpoint on 127.0.0.1 that records turns, as the resumable-turn contract describes. */
export interface TurnServer {
  /** The endpoint (`POST`, `GET ?turn=`, `DELETE ?turn=`). */
  url: string;
  requests: TurnServerRequest[];
  /** How many answers were generated per `Idempotency-Key` (upstream calls, in a real server). */
  generations: Map<string, number>;
  /** The turn ids that `DELETE ?turn=` stopped. */
  stopped: string[];
  /** Destroys the next answer's connection once it has carried `events` events in all. */
  cutAfter(events: number): void;
  /** Destroys the next `POST`'s connection before it answers; its turn has started. */
  dropNextPost(): void;
  /** Lets held turns produce again. */
  release(): void;
  close(): Promise<void>;
}

interface Turn {
  id: string;
  events: string[];
  total: number;
  done: boolean;
  timer: ReturnType<typeof setInterval> | undefined;
  followers: Set<() => void>;
}

/** The answer's events: a role chunk, a chunk per piece, the stop, the usage and `[DONE]`. */
function scriptedEvents(pieces: readonly string[]): string[] {
  return [
    chunk({ role: 'assistant', content: '' }),
    ...pieces.map((content) => chunk({ content })),
    chunk({}, 'stop'),
    usageChunk(10, pieces.length),
  ]
    .map((data) => JSON.stringify(data))
    .concat('[DONE]');
}

/** Starts a turn-recording chat endpoint, stopped when the running test ends. */
export async function startTurnServer(options: TurnServerOptions): Promise<TurnServer> {
  const requests: TurnServerRequest[] = [];
  const generations = new Map<string, number>();
  const stopped: string[] = [];
  const turns = new Map<string, Turn>();
  const turnsByKey = new Map<string, Turn>();
  let cutAt: number | undefined;
  let dropPost = false;
  let held = options.holdAfter !== undefined;

  const produce = (turn: Turn) => {
    if (held && turn.events.length >= (options.holdAfter ?? 0)) return;
    const next = scriptedEvents(options.pieces)[turn.events.length];
    if (next === undefined) return;
    turn.events.push(next);
    turn.done = turn.events.length === turn.total;
    if (turn.done) clearInterval(turn.timer);
    for (const wake of turn.followers) wake();
  };

  const startTurn = (key: string): Turn => {
    const turn: Turn = {
      id: `turn-${turns.size + 1}`,
      events: [],
      total: scriptedEvents(options.pieces).length,
      done: false,
      timer: undefined,
      followers: new Set(),
    };
    turn.timer = setInterval(() => produce(turn), options.intervalMs ?? 5);
    turns.set(turn.id, turn);
    turnsByKey.set(key, turn);
    generations.set(key, (generations.get(key) ?? 0) + 1);
    return turn;
  };

  const follow = (turn: Turn, after: number, response: ServerResponse) => {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'x-chatwire-turn-id': turn.id,
    });
    response.flushHeaders();
    let sent = after;
    const cut = cutAt;
    if (cut !== undefined) cutAt = undefined;
    const wake = () => {
      while (sent < turn.events.length) {
        if (cut !== undefined && sent >= cut) {
          turn.followers.delete(wake);
          response.socket?.destroy();
          return;
        }
        response.write(`id: ${sent + 1}\ndata: ${turn.events[sent]}\n\n`);
        sent++;
      }
      if (turn.done) {
        turn.followers.delete(wake);
        response.end();
      }
    };
    turn.followers.add(wake);
    response.on('close', () => turn.followers.delete(wake));
    wake();
  };

  const server = createServer(async (req, res) => {
    for await (const _ of req);
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'x-chatwire-turn-id');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, DELETE',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      });
      res.end();
      return;
    }
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const turnId = url.searchParams.get('turn');
    if (req.method === 'POST') {
      const key = String(req.headers['idempotency-key']);
      const turn = turnsByKey.get(key) ?? startTurn(key);
      if (dropPost) {
        dropPost = false;
        res.socket?.destroy();
        return;
      }
      follow(turn, 0, res);
      return;
    }
    const turn = turnId === null ? undefined : turns.get(turnId);
    if (turn === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'No such turn.', code: 'turn_not_found' } }));
      return;
    }
    if (req.method === 'DELETE') {
      stopped.push(turn.id);
      clearInterval(turn.timer);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: turn.id, status: 'stopped' }));
      return;
    }
    follow(turn, Number(req.headers['last-event-id'] ?? 0), res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return closeWhenTestEnds({
    url: `http://127.0.0.1:${port}/api/chat`,
    requests,
    generations,
    stopped,
    cutAfter: (events) => {
      cutAt = events;
    },
    dropNextPost: () => {
      dropPost = true;
    },
    release: () => {
      held = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const turn of turns.values()) clearInterval(turn.timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
