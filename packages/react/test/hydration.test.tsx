// @vitest-environment happy-dom
import { type ChatMessage, getChatStore } from '@chatwire/core/chat';
import { act } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChatPage } from './chat-page.js';

describe('useChatCompletion hydration', () => {
  it('hydrates a shared chat from the server markup although the chat has moved on', async () => {
    const initialMessages: ChatMessage[] = [
      { id: 'm1', role: 'user', content: 'Hello from the server' },
    ];
    // A server gives every component its own store; without an id this render does the same.
    const serverHTML = renderToString(
      <ChatPage options={{ initialMessages, initialInput: 'draft' }} />,
    );
    const shared = getChatStore('hydrated-chat', { initialMessages, initialInput: 'draft' });
    const stayOpen = shared.retain();
    shared.setMessages((messages) => [
      ...messages,
      { id: 'm2', role: 'assistant', content: 'Answered in another pane' },
    ]);

    const container = document.createElement('div');
    container.innerHTML = serverHTML;
    document.body.append(container);
    const recoverableErrors: unknown[] = [];
    let root: Root | undefined;
    try {
      await act(async () => {
        root = hydrateRoot(
          container,
          <ChatPage options={{ id: 'hydrated-chat', initialMessages, initialInput: 'draft' }} />,
          { onRecoverableError: (error) => recoverableErrors.push(error) },
        );
      });
      expect(recoverableErrors).toEqual([]);
      expect(container.textContent).toContain('Answered in another pane');
    } finally {
      act(() => root?.unmount());
      container.remove();
      stayOpen();
    }
  });
});
