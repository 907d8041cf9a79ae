// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type OpenAISSEServer,
  openStream,
  startOpenAISSEServer,
  writeAnswer,
} from '../../core/test/chat/openai-sse-server.js';
import { ChatPage } from './chat-page.js';

let server: OpenAISSEServer | undefined;
const realRequestAnimationFrame = window.requestAnimationFrame;
const realCancelAnimationFrame = window.cancelAnimationFrame;

afterEach(async () => {
  cleanup();
  await server?.close();
  server = undefined;
  window.requestAnimationFrame = realRequestAnimationFrame;
  window.cancelAnimationFrame = realCancelAnimationFrame;
});

/** Animation frames that run only when the test runs them. */
function installManualFrames(): { runFrame: () => number } {
  let queue = new Map<number, FrameRequestCallback>();
  let next = 1;
  window.requestAnimationFrame = (callback) => {
    queue.set(next, callback);
    return next++;
  };
  window.cancelAnimationFrame = (handle) => {
    queue.delete(handle);
  };
  return {
    runFrame: () => {
      const callbacks = [...queue.values()];
      queue = new Map();
      for (const callback of callbacks) callback(0);
      return callbacks.length;
    },
  };
}

const pieces = Array.from({ length: 2_000 }, (_, i) => `w${i} `);

async function startFastServer(): Promise<string> {
  server = await startOpenAISSEServer((_request, response) => {
    openStream(response);
    writeAnswer(response, pieces);
  });
  return server.url;
}

function submit(text: string): void {
  fireEvent.change(screen.getByLabelText('chat-input'), { target: { value: text } });
  fireEvent.click(screen.getByText('Send'));
}

describe('useChatCompletion rendering', () => {
  it('renders a fixed handful of times for 2,000 chunks when no frame passes', async () => {
    installManualFrames();
    let renders = 0;
    render(<ChatPage options={{ api: await startFastServer() }} onRender={() => renders++} />);
    const before = renders;
    submit('Go');
    await waitFor(() => expect(screen.getByTestId('chat-status').textContent).toBe('idle'));
    expect(screen.getByTestId('chat-assistant').textContent).toBe(pieces.join(''));
    // typing, sending, the first token, the final answer, idle: a constant, whatever the chunks.
    expect(renders - before).toBeLessThanOrEqual(8);
  });

  it('renders at most once per animation frame while tokens stream', async () => {
    const frames = installManualFrames();
    let renders = 0;
    let framesWithWork = 0;
    render(<ChatPage options={{ api: await startFastServer() }} onRender={() => renders++} />);
    const before = renders;
    submit('Go');
    const pump = setInterval(() => {
      framesWithWork += frames.runFrame();
    }, 1);
    await waitFor(() => expect(screen.getByTestId('chat-status').textContent).toBe('idle'));
    clearInterval(pump);
    expect(screen.getByTestId('chat-assistant').textContent).toBe(pieces.join(''));
    expect(renders - before).toBeLessThanOrEqual(framesWithWork + 8);
    expect(renders - before).toBeLessThan(pieces.length / 4);
  });

  it('keeps one store when the options object is new on every render', async () => {
    const api = await startFastServer();
    let renders = 0;
    const view = render(<ChatPage options={{ api, body: { n: 1 } }} onRender={() => renders++} />);
    submit('Go');
    await waitFor(() => expect(screen.getByTestId('chat-status').textContent).toBe('idle'));
    view.rerender(<ChatPage options={{ api, body: { n: 2 } }} onRender={() => renders++} />);
    expect(screen.getByTestId('chat-user').textContent).toBe('Go');
    expect(server!.requests).toHaveLength(1);
    expect(renders).toBeGreaterThan(1);
  });
});
