// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChatPage } from './chat-page.js';

describe('useChatCompletion on the server', () => {
  it('renders the initial conversation without a window, also with a shared id', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <ChatPage
        options={{
          id: 'server-rendered',
          initialMessages: [{ id: 'm1', role: 'user', content: 'Hello from the server' }],
          initialInput: 'draft',
        }}
      />,
    );
    expect(html).toContain('Hello from the server');
    expect(html).toContain('value="draft"');
    expect(html).toContain('idle');
  });

  it('does not carry one render’s conversation into the next render with the same id', () => {
    renderToString(
      <ChatPage
        options={{
          id: 'per-visitor',
          initialMessages: [{ id: 'a', role: 'user', content: 'Alice' }],
        }}
      />,
    );
    const second = renderToString(<ChatPage options={{ id: 'per-visitor' }} />);
    expect(second).not.toContain('Alice');
  });
});
