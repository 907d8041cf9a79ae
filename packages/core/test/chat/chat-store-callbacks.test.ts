import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatStore } from '../../src/chat/index.js';
import { openStream, startTestSSEServer, writeAnswer } from './openai-sse-server.js';

type GlobalWithReportError = typeof globalThis & { reportError?: (error: unknown) => void };

const realReportError = (globalThis as GlobalWithReportError).reportError;

afterEach(() => {
  (globalThis as GlobalWithReportError).reportError = realReportError;
});

/** Collects what the store reports through the platform's `reportError`. */
function collectReportedErrors(): unknown[] {
  const reported: unknown[] = [];
  (globalThis as GlobalWithReportError).reportError = (error) => reported.push(error);
  return reported;
}

describe('ChatStore user callbacks', () => {
  it('finishes the answer when onChunk and onFinish throw, and reports what they threw', async () => {
    const reported = collectReportedErrors();
    const server = await startTestSSEServer((_request, response) => {
      openStream(response);
      writeAnswer(response, ['Still ', 'whole.']);
    });
    const chunkError = new Error('onChunk broke');
    const finishError = new Error('onFinish broke');
    const store = new ChatStore({
      api: server.url,
      throttleMs: 0,
      onChunk: () => {
        throw chunkError;
      },
      onFinish: async () => {
        throw finishError;
      },
    });
    await store.send('Hi');
    const state = store.getSnapshot();
    expect(state).toMatchObject({ status: 'idle', error: undefined });
    expect(state.messages[1]).toMatchObject({ content: 'Still whole.', finishReason: 'stop' });
    expect(state.messages[1]?.partial).toBeUndefined();
    await vi.waitFor(() => expect(reported).toHaveLength(6), { timeout: 2_000 });
    expect(reported.filter((error) => error === chunkError)).toHaveLength(5);
    expect(reported).toContain(finishError);
  });

  it('keeps the error in the state when onError throws, and reports what it threw', async () => {
    const reported = collectReportedErrors();
    const server = await startTestSSEServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'busy' } }));
    });
    const callbackError = new Error('onError broke');
    const store = new ChatStore({
      api: server.url,
      onError: () => {
        throw callbackError;
      },
    });
    await store.send('Hi');
    expect(store.getSnapshot().error?.message).toContain('busy');
    await vi.waitFor(() => expect(reported).toEqual([callbackError]), { timeout: 2_000 });
  });
});
