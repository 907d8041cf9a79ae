import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@chatwire/core';
import type { TurnStore } from '@chatwire/core/server';
import { chatCompletions } from '@chatwire/express';
import express from 'express';
import type { RedisClientType } from 'redis';
import { createResumableStreamContext } from 'resumable-stream';

/** The chunk `seq` of a paced answer, as the data of one SSE event. */
export function chunkData(seq: number): string {
  return JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: { content: `word${seq} ` }, finish_reason: null }],
    seq,
  });
}

/** One answer being produced: where a client resumes it after it saw `seen` chunks. */
export interface ProducedAnswer {
  /** Emits chunk `seq`; resolves once the contender has taken it. */
  emit(seq: number): Promise<void>;
  /** Ends the answer. */
  end(): Promise<void>;
  /** The request a client that saw the first `seen` chunks resumes with. */
  resumeRequest(seen: number): { url: string; headers: Record<string, string> };
}

/** A library that lets a client resume a streamed answer, behind an Express server. */
export interface ResumeContender {
  name: string;
  start(): Promise<ProducedAnswer>;
  stop(): Promise<void>;
}

async function listen(listener: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * chatwire: the producer appends each chunk to `producing`; a client resumes with
 * `GET /api/chat?turn=` and `Last-Event-ID` on an Express endpoint on `serving`: the same
 * store, or another instance's on the same Redis.
 */
export async function chatwireContender(
  name: string,
  producing: TurnStore,
  serving: TurnStore,
): Promise<ResumeContender> {
  const client = createClient({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'unused' });
  const app = express();
  app.all('/api/chat', chatCompletions({ client, turnStore: serving, owner: () => 'bench' }));
  const { server, url } = await listen(app);
  let turns = 0;
  return {
    name,
    start: async () => {
      const { turn, producer } = await producing.create({
        owner: 'bench',
        key: `${name} ${++turns}`,
      });
      if (producer === undefined) throw new Error('the turn existed');
      const ids: string[] = [];
      return {
        emit: async (seq) => {
          ids[seq] = await producer.append(chunkData(seq));
        },
        end: async () => {
          await producer.append('[DONE]');
          await producer.finish({ status: 'completed' });
        },
        resumeRequest: (seen) => ({
          url: `${url}/api/chat?turn=${turn.id}`,
          headers: { accept: 'text/event-stream', 'last-event-id': ids[seen - 1]! },
        }),
      };
    },
    stop: async () => {
      await close(server);
      await client.close();
    },
  };
}

/**
 * Vercel's resumable-stream on node-redis: the answer is a stream of SSE strings that it
 * relays; a client resumes with `GET /resume?id=&skip=` (the characters it already has).
 */
export async function resumableStreamContender(
  name: string,
  publisher: RedisClientType,
  subscriber: RedisClientType,
): Promise<ResumeContender> {
  const context = createResumableStreamContext({
    waitUntil: null,
    publisher: publisher as never,
    subscriber: subscriber as never,
  });
  const app = express();
  app.get('/resume', async (request, response) => {
    const stream = await context.resumeExistingStream(
      String(request.query.id),
      Number(request.query.skip),
    );
    if (!stream) {
      response.status(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for await (const part of stream as unknown as AsyncIterable<string>) response.write(part);
    response.end();
  });
  const { server, url } = await listen(app);
  let streams = 0;
  return {
    name,
    start: async () => {
      const id = `stream-${++streams}`;
      const sent: string[] = [];
      let source!: ReadableStreamDefaultController<string>;
      const created = await context.resumableStream(
        id,
        () =>
          new ReadableStream<string>({
            start: (controller) => {
              source = controller;
            },
          }),
      );
      // The first client's response, gone after the first chunks; the stream runs on.
      void created?.cancel();
      return {
        emit: async (seq) => {
          const event = `data: ${chunkData(seq)}\n\n`;
          sent.push(event);
          source.enqueue(event);
        },
        end: async () => {
          source.enqueue('data: [DONE]\n\n');
          source.close();
        },
        resumeRequest: (seen) => ({
          url: `${url}/resume?id=${id}&skip=${sent.slice(0, seen).join('').length}`,
          headers: { accept: 'text/event-stream' },
        }),
      };
    },
    stop: () => close(server),
  };
}
