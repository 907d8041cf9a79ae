import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { type ChatStatus, ChatStore, type ChatStoreOptions } from '../../src/chat/index.js';
import { APIConnectionError } from '../../src/errors/index.js';
import { startTurnServer, type TurnServerOptions } from '../support/turn-server.js';
import { chunk, openStream, startTestSSEServer, writeEvent } from './openai-sse-server.js';
import { waitForState } from './wait-for-state.js';

const pieces = ['Once ', 'upon ', 'a ', 'time ', 'there ', 'was ', 'a ', 'turn.'];

async function chatWithTurns(server: TurnServerOptions, options: ChatStoreOptions = {}) {
  const turns = await startTurnServer(server);
  const store = new ChatStore({ api: turns.url, throttleMs: 0, ...options });
  const statuses: ChatStatus[] = [];
  store.subscribe(() => statuses.push(store.getSnapshot().status));
  return { turns, store, statuses };
}

const postKeys = (requests: { method: string; headers: Record<string, unknown> }[]) =>
  requests.filter((r) => r.method === 'POST').map((r) => r.headers['idempotency-key']);

describe('resumable turns', () => {
  it('reconnects a dropped answer and continues it with no gap and no repeat', async () => {
    const { turns, store, statuses } = await chatWithTurns({ pieces });
    turns.cutAfter(4);
    await store.send('Tell me a story');
    const state = store.getSnapshot();
    expect(state).toMatchObject({ status: 'idle', error: undefined });
    expect(state.messages[1]?.content).toBe(pieces.join(''));
    expect(state.messages[1]?.partial).toBeUndefined();
    expect(statuses).toContain('reconnecting');
    const follow = turns.requests.find((r) => r.method === 'GET');
    expect(follow?.url).toBe('/api/chat?turn=turn-1');
    expect(follow?.headers['last-event-id']).toBe('4');
    expect([...turns.generations.values()]).toEqual([1]);
  });

  it('shows stalled while no event arrives for stallAfterMs, and streaming once one does', async () => {
    const { turns, store, statuses } = await chatWithTurns(
      { pieces, holdAfter: 3 },
      { stallAfterMs: 100 },
    );
    const done = store.send('Tell me a story');
    await waitForState(store, (state) => state.status === 'stalled');
    turns.release();
    await done;
    expect(store.getSnapshot().messages[1]?.content).toBe(pieces.join(''));
    const stalledAt = statuses.indexOf('stalled');
    expect(statuses.slice(stalledAt)).toContain('streaming');
  });

  it('sends DELETE ?turn= on stop, besides keeping the text so far', async () => {
    const { turns, store } = await chatWithTurns({ pieces, holdAfter: 3 });
    void store.send('Tell me a story');
    await waitForState(store, (state) => state.messages[1]?.content === 'Once upon ');
    store.stop();
    await vi.waitFor(() => expect(turns.stopped).toEqual(['turn-1']));
    expect(store.getSnapshot().messages[1]).toMatchObject({ content: 'Once upon ', partial: true });
    expect(turns.requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/chat?turn=turn-1' });
  });

  it('resumes the turn in flight in a new store of the same chat, as after a page reload', async () => {
    const storage = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
      removeItem: (key: string) => storage.delete(key),
    });
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const options = { id: 'story', resume: true } as const;
    const { turns, store } = await chatWithTurns({ pieces, holdAfter: 3 }, options);
    const disconnect = store.connect(() => {});
    void store.send('Tell me a story');
    await waitForState(store, (state) => state.messages[1]?.content === 'Once upon ');
    disconnect();
    await waitForState(store, (state) => state.status === 'idle');

    const reloaded = new ChatStore({ api: turns.url, throttleMs: 0, ...options });
    reloaded.connect(() => {});
    turns.release();
    const state = await waitForState(reloaded, (s) => s.status === 'idle' && s.messages.length > 1);
    expect(state.messages.map((m) => m.content)).toEqual(['Tell me a story', pieces.join('')]);
    expect(turns.stopped).toEqual([]);
    expect([...turns.generations.values()]).toEqual([1]);
    expect(storage.size).toBe(0);
  });

  it('sends a fresh Idempotency-Key per turn, and the same one when it sends a turn again', async () => {
    const { turns, store } = await chatWithTurns({ pieces: ['Hi.'] });
    await store.send('Hello');
    turns.dropNextPost();
    await store.send('Hello again');
    const [first, second, again] = postKeys(turns.requests);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(again).toBe(second);
    expect(turns.generations.get(String(second))).toBe(1);
    expect(store.getSnapshot().messages.map((m) => m.content)).toEqual([
      'Hello',
      'Hi.',
      'Hello again',
      'Hi.',
    ]);
  });

  it('keeps a plain endpoint as it was: a dropped answer fails at once and stop sends nothing', async () => {
    const server = await startTestSSEServer((_request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Half' }));
      setTimeout(() => response.socket?.destroy(), 20);
      return new Promise((resolve) => response.on('close', resolve));
    });
    const store = new ChatStore({ api: server.url, throttleMs: 0 });
    const statuses: ChatStatus[] = [];
    store.subscribe(() => statuses.push(store.getSnapshot().status));
    await store.send('Hi');
    store.stop();
    expect(store.getSnapshot().error).toBeInstanceOf(APIConnectionError);
    expect(statuses).not.toContain('reconnecting');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['idempotency-key']).toBeDefined();
  });
});
