// @vitest-environment happy-dom
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Window as HappyDOMWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatPage } from './chat-page.js';

let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator();
  // Served from the emulator's origin, as an app is from its API's: the default relative `api`
  // style works and no CORS preflight is involved.
  (window as unknown as HappyDOMWindow).happyDOM.setURL(`${emulator.origin}/`);
});

afterEach(async () => {
  cleanup();
  await emulator.close();
});

function submit(text: string): void {
  fireEvent.change(screen.getByLabelText('chat-input'), { target: { value: text } });
  fireEvent.click(screen.getByText('Send'));
}

const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';
const api = '/v1/chat/completions';
const body = { model: 'gpt-4o-mini' };

describe('useChatCompletion against @chatwire/emulator', () => {
  it('streams an answer that grows across renders and ends idle', async () => {
    const seen = new Set<string>();
    render(
      <ChatPage
        options={{
          api,
          body,
          headers: {
            'x-emulator-token-delay-ms': '15',
            'x-portkey-provider': 'openai',
            'x-portkey-trace-id': 'trace-from-page',
          },
        }}
        onRender={() => {
          const answer = document.querySelector('[data-testid="chat-assistant"]')?.textContent;
          if (answer) seen.add(answer);
        }}
      />,
    );
    submit('Tell me about streaming.');
    await waitFor(() => expect(text('chat-status')).toBe('idle'), { timeout: 10_000 });
    const answer = text('chat-assistant');
    expect(answer.length).toBeGreaterThan(0);
    expect([...seen].some((partial) => partial.length < answer.length)).toBe(true);
    expect(text('chat-trace')).toBe('trace-from-page');
    expect(emulator.requests[0]?.json).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      messages: [{ role: 'user', content: 'Tell me about streaming.' }],
    });
  });

  it('stops a slow stream and the emulator sees the client go away', async () => {
    render(<ChatPage options={{ api, body, headers: { 'x-emulator-token-delay-ms': '50' } }} />);
    submit('Write a long story.');
    await waitFor(() => expect(text('chat-assistant')).not.toBe(''), { timeout: 5_000 });
    fireEvent.click(screen.getByText('Stop'));
    const request = await emulator.waitForRequest((r) => r.aborted);
    expect(request.index).toBe(0);
    expect(text('chat-assistant')).toMatch(/\[partial\]$/);
    expect(text('chat-status')).toBe('idle');
  });

  it.each([
    ['error-event', /./],
    ['truncated', /ended before/],
    ['server-error', /500/],
  ])('shows the %s scenario as an error', async (scenario, message) => {
    render(<ChatPage options={{ api, body, headers: { 'x-emulator-scenario': scenario } }} />);
    submit('Hi');
    await waitFor(() => expect(text('chat-status')).toBe('error'), { timeout: 5_000 });
    expect(screen.getByRole('alert').textContent).toMatch(message);
  });

  it('sends an image part that the emulator receives', async () => {
    const image = 'https://example.com/cat.png';
    render(<ChatPage options={{ api, body }} images={[image]} />);
    submit('What is in this picture?');
    await waitFor(() => expect(text('chat-status')).toBe('idle'), { timeout: 5_000 });
    expect(emulator.requests[0]?.json).toMatchObject({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this picture?' },
            { type: 'image_url', image_url: { url: image } },
          ],
        },
      ],
    });
  });
});
