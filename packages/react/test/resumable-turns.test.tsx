// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { startTurnServer } from '../../core/test/support/turn-server.js';
import { ChatPage } from './chat-page.js';

const pieces = ['Once ', 'upon ', 'a ', 'time ', 'there ', 'was ', 'a ', 'turn.'];

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function submit(text: string): void {
  fireEvent.change(screen.getByLabelText('chat-input'), { target: { value: text } });
  fireEvent.click(screen.getByText('Send'));
}

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe('useChatCompletion with resumable turns', () => {
  it('shows reconnecting when the connection drops, then the whole answer', async () => {
    const turns = await startTurnServer({ pieces, intervalMs: 20 });
    turns.cutAfter(3);
    render(<ChatPage options={{ api: turns.url }} />);
    submit('Tell me a story');
    await waitFor(() => expect(text('chat-status')).toBe('reconnecting'));
    await waitFor(() => expect(text('chat-status')).toBe('idle'), { timeout: 5_000 });
    expect(text('chat-assistant')).toBe(pieces.join(''));
  });

  it('continues the answer in flight after a reload with resume: true', async () => {
    const turns = await startTurnServer({ pieces, holdAfter: 3 });
    const options = { api: turns.url, id: 'story', resume: true };
    render(<ChatPage options={options} />);
    submit('Tell me a story');
    await waitFor(() => expect(text('chat-assistant')).toBe('Once upon '));
    cleanup();
    // The page is gone: its chat is released and its request aborted.
    await new Promise((resolve) => setTimeout(resolve, 20));

    render(<ChatPage options={options} />);
    await waitFor(() => expect(text('chat-user')).toBe('Tell me a story'));
    turns.release();
    await waitFor(() => expect(text('chat-assistant')).toBe(pieces.join('')));
    await waitFor(() => expect(text('chat-status')).toBe('idle'));
    expect(turns.stopped).toEqual([]);
    expect(turns.requests.at(-1)).toMatchObject({ method: 'GET', url: '/api/chat?turn=turn-1' });
    expect(sessionStorage.length).toBe(0);
  });

  it('stops the turn at the endpoint when Stop is pressed', async () => {
    const turns = await startTurnServer({ pieces, holdAfter: 3 });
    render(<ChatPage options={{ api: turns.url, id: 'stoppable', resume: true }} />);
    submit('Tell me a story');
    await waitFor(() => expect(text('chat-assistant')).toBe('Once upon '));
    fireEvent.click(screen.getByText('Stop'));
    await waitFor(() => expect(turns.stopped).toEqual(['turn-1']));
    expect(text('chat-assistant')).toBe('Once upon  [partial]');
    expect(sessionStorage.length).toBe(0);
  });
});
