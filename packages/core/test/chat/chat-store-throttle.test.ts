import { afterEach, describe, expect, it } from 'vitest';
import { ChatStore } from '../../src/chat/index.js';
import { openStream, startTestSSEServer, writeAnswer } from './openai-sse-server.js';

const realRequestAnimationFrame = globalThis.requestAnimationFrame;
const realCancelAnimationFrame = globalThis.cancelAnimationFrame;

afterEach(() => {
  globalThis.requestAnimationFrame = realRequestAnimationFrame;
  globalThis.cancelAnimationFrame = realCancelAnimationFrame;
});

/** Animation frames that run only when the test says so. */
function installManualFrames(): { pending: () => number; runFrame: () => void } {
  let queue = new Map<number, FrameRequestCallback>();
  let next = 1;
  globalThis.requestAnimationFrame = (callback) => {
    queue.set(next, callback);
    return next++;
  };
  globalThis.cancelAnimationFrame = (handle) => {
    queue.delete(handle);
  };
  return {
    pending: () => queue.size,
    runFrame: () => {
      const callbacks = [...queue.values()];
      queue = new Map();
      for (const callback of callbacks) callback(0);
    },
  };
}

const pieces = Array.from({ length: 500 }, (_, i) => `t${i} `);

async function startManyChunkServer(): Promise<string> {
  const server = await startTestSSEServer((_request, response) => {
    openStream(response);
    writeAnswer(response, pieces);
  });
  return server.url;
}

describe('ChatStore update throttling', () => {
  it('sends at most one update per animation frame while tokens stream, then the final state', async () => {
    const frames = installManualFrames();
    const store = new ChatStore({ api: await startManyChunkServer() });
    let updates = 0;
    let mostPendingFrames = 0;
    store.subscribe(() => {
      updates++;
    });
    const watcher = setInterval(() => {
      mostPendingFrames = Math.max(mostPendingFrames, frames.pending());
    }, 1);
    await store.send('Go');
    clearInterval(watcher);
    // 'submitted', then the whole answer with 'idle': no frame ran, so nothing in between.
    expect(updates).toBe(2);
    expect(mostPendingFrames).toBeLessThanOrEqual(1);
    expect(store.getSnapshot().messages[1]?.content).toBe(pieces.join(''));
    expect(frames.pending()).toBe(0);
  });

  it('delivers the streamed text in frames and the whole answer at the end', async () => {
    const frames = installManualFrames();
    const firstHalf = pieces.slice(0, pieces.length / 2);
    let showFirstHalf!: () => void;
    const firstHalfShown = new Promise<void>((resolve) => {
      showFirstHalf = resolve;
    });
    // The server holds the second half back until a frame has shown the first, so the text
    // can only have reached the page in a frame, before the answer ended.
    const server = await startTestSSEServer(async (_request, response) => {
      openStream(response);
      for (const piece of firstHalf) {
        const delta = { content: piece };
        const data = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm' };
        response.write(`data: ${JSON.stringify({ ...data, choices: [{ index: 0, delta }] })}\n\n`);
      }
      await firstHalfShown;
      writeAnswer(response, pieces.slice(firstHalf.length));
    });
    const store = new ChatStore({ api: server.url });
    const seen: { text: string; inFrame: boolean }[] = [];
    let inFrame = false;
    store.subscribe(() => {
      const text = store.getSnapshot().messages[1]?.content ?? '';
      seen.push({ text, inFrame });
      if (text === firstHalf.join('')) showFirstHalf();
    });
    const pumping = setInterval(() => {
      inFrame = true;
      frames.runFrame();
      inFrame = false;
    }, 1);
    await store.send('Go');
    clearInterval(pumping);
    const whole = pieces.join('');
    const partial = seen.filter(({ text }) => text !== '' && text !== whole);
    expect(partial.map(({ text }) => text)).toContain(firstHalf.join(''));
    expect(partial.filter(({ inFrame }) => !inFrame)).toEqual([]);
    expect(partial.filter(({ text }) => !whole.startsWith(text))).toEqual([]);
    expect(seen.length).toBeLessThan(pieces.length);
    expect(seen.at(-1)?.text).toBe(whole);
  });

  it('updates on every chunk with throttleMs 0', async () => {
    const store = new ChatStore({ api: await startManyChunkServer(), throttleMs: 0 });
    let updates = 0;
    store.subscribe(() => {
      updates++;
    });
    await store.send('Go');
    // one per content chunk after the first, plus the stop chunk, usage chunk and the fixed ones.
    expect(updates).toBeGreaterThanOrEqual(pieces.length);
  });
});
