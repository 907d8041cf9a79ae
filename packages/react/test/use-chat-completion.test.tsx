// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chunk,
  createGate,
  type OpenAISSEServer,
  openStream,
  type Responder,
  startOpenAISSEServer,
  writeAnswer,
  writeEvent,
  writeToolCallAnswer,
} from '../../core/test/chat/openai-sse-server.js';
import { useChatCompletion } from '../src/index.js';
import { ChatPage } from './chat-page.js';

let server: OpenAISSEServer | undefined;

afterEach(async () => {
  cleanup();
  await server?.close();
  server = undefined;
});

async function start(respond: Responder): Promise<string> {
  server = await startOpenAISSEServer(respond);
  return server.url;
}

function submit(text: string, label = 'chat'): void {
  fireEvent.change(screen.getByLabelText(`${label}-input`), { target: { value: text } });
  fireEvent.click(screen.getAllByText('Send')[0]!);
}

/** Sends a greeting as soon as it mounts, as an onboarding screen would. */
function Greeter(props: { api: string }) {
  const chat = useChatCompletion({ api: props.api });
  const { send } = chat;
  useEffect(() => {
    void send('Greet me');
  }, [send]);
  return <p data-testid="greeter">{chat.messages.map((m) => m.content).join('|')}</p>;
}

function TwoPanes(props: { api: string; showSecond: boolean }) {
  return (
    <>
      <ChatPage label="first" options={{ api: props.api, id: 'shared-chat' }} />
      {props.showSecond && (
        <ChatPage label="second" options={{ api: props.api, id: 'shared-chat' }} />
      )}
    </>
  );
}

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe('useChatCompletion', () => {
  it('renders the answer as it grows and ends idle', async () => {
    const gate = createGate();
    const api = await start(async (_request, response) => {
      openStream(response, 'trace-ui');
      writeEvent(response, chunk({ role: 'assistant', content: 'Hello' }));
      await gate.wait;
      writeAnswer(response, [' world']);
    });
    render(<ChatPage options={{ api }} />);
    submit('Hi');
    expect(text('chat-user')).toBe('Hi');
    expect((screen.getByLabelText('chat-input') as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(text('chat-assistant')).toBe('Hello'));
    expect(text('chat-status')).toBe('streaming');
    gate.open();
    await waitFor(() => expect(text('chat-status')).toBe('idle'));
    expect(text('chat-assistant')).toBe('Hello world');
    expect(text('chat-trace')).toBe('trace-ui');
  });

  it('stops mid-stream, keeps the partial text and aborts the request', async () => {
    const api = await start(async (request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Half' }));
      await request.aborted;
    });
    render(<ChatPage options={{ api }} />);
    submit('Hi');
    await waitFor(() => expect(text('chat-assistant')).toBe('Half'));
    fireEvent.click(screen.getByText('Stop'));
    await server!.requests[0]!.aborted;
    expect(text('chat-assistant')).toBe('Half [partial]');
    expect(text('chat-status')).toBe('idle');
  });

  it('regenerates the last answer', async () => {
    let answers = 0;
    const api = await start((_request, response) => {
      answers++;
      openStream(response);
      writeAnswer(response, [`answer ${answers}`]);
    });
    render(<ChatPage options={{ api }} />);
    submit('Hi');
    await waitFor(() => expect(text('chat-assistant')).toBe('answer 1'));
    fireEvent.click(screen.getByText('Regenerate'));
    await waitFor(() => expect(text('chat-assistant')).toBe('answer 2'));
    expect(screen.getAllByTestId('chat-assistant')).toHaveLength(1);
    expect(server!.requests[1]!.body.messages).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  it.each([
    [400, { error: { message: 'messages must not be empty' } }, 'messages must not be empty'],
    [503, { status: 'failure', message: 'all targets failed' }, 'all targets failed'],
  ])('shows a %i JSON error and retries', async (status, body, message) => {
    let calls = 0;
    const api = await start((_request, response) => {
      calls++;
      if (calls === 1) {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
        return;
      }
      openStream(response);
      writeAnswer(response, ['recovered']);
    });
    render(<ChatPage options={{ api }} />);
    submit('Hi');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(message));
    expect(screen.getByRole('alert').textContent).toContain(String(status));
    expect(text('chat-status')).toBe('error');
    fireEvent.click(screen.getByText('Retry'));
    await waitFor(() => expect(text('chat-assistant')).toBe('recovered'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an error event that arrives mid-stream next to the partial answer', async () => {
    const api = await start((_request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'So far' }));
      writeEvent(response, { error: { message: 'provider went away' } }, 'error');
    });
    render(<ChatPage options={{ api }} />);
    submit('Hi');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('provider went away'),
    );
    expect(text('chat-assistant')).toBe('So far [partial]');
  });

  it('reports a truncated stream as an error and keeps the partial answer', async () => {
    const api = await start((_request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Cut' }));
    });
    render(<ChatPage options={{ api }} />);
    submit('Hi');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('ended before'));
    expect(text('chat-assistant')).toBe('Cut [partial]');
  });

  it('aborts the request when the component unmounts mid-stream', async () => {
    const api = await start(async (request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Going' }));
      await request.aborted;
    });
    const view = render(<ChatPage options={{ api }} />);
    submit('Hi');
    await waitFor(() => expect(text('chat-assistant')).toBe('Going'));
    view.unmount();
    await server!.requests[0]!.aborted;
    expect(server!.requests).toHaveLength(1);
  });

  it('sends exactly one request under StrictMode and streams it to the end', async () => {
    const gate = createGate();
    const api = await start(async (_request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Strict' }));
      await gate.wait;
      writeAnswer(response, [' mode']);
    });
    render(
      <StrictMode>
        <ChatPage options={{ api, body: { model: 'inline-object' } }} />
      </StrictMode>,
    );
    submit('Hi');
    await waitFor(() => expect(text('chat-assistant')).toBe('Strict'));
    gate.open();
    await waitFor(() => expect(text('chat-status')).toBe('idle'));
    expect(text('chat-assistant')).toBe('Strict mode');
    expect(server!.requests).toHaveLength(1);
  });

  it('sends once under StrictMode when a component sends from its mount effect', async () => {
    const api = await start(async (_request, response) => {
      openStream(response);
      writeAnswer(response, ['Welcome', ' back']);
    });
    render(
      <StrictMode>
        <Greeter api={api} />
      </StrictMode>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('greeter').textContent).toBe('Greet me|Welcome back'),
    );
    expect(server!.requests).toHaveLength(1);
  });

  it('shares one conversation between two components with the same id', async () => {
    const api = await start(async (request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Shared' }));
      await request.aborted;
    });
    const view = render(<TwoPanes api={api} showSecond />);
    submit('Hi', 'first');
    await waitFor(() => expect(text('second-assistant')).toBe('Shared'));
    expect(text('second-user')).toBe('Hi');
    expect((screen.getByLabelText('second-input') as HTMLInputElement).value).toBe('');

    view.rerender(<TwoPanes api={api} showSecond={false} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(text('first-status')).toBe('streaming');

    view.unmount();
    await server!.requests[0]!.aborted;
    expect(server!.requests).toHaveLength(1);
  });

  it('runs a client-side tool and sends its result back', async () => {
    const api = await start((request, response) => {
      if (request.body.messages.length === 1) {
        writeToolCallAnswer(response, 'call_1', 'get_time', ['{"zone":"UTC"}']);
      } else {
        openStream(response);
        writeAnswer(response, ['It is noon.']);
      }
    });
    render(
      <ChatPage
        options={{ api, onToolCall: ({ args }) => ({ time: '12:00', ...(args as object) }) }}
      />,
    );
    submit('Time?');
    await waitFor(() => expect(text('chat-status')).toBe('idle'));
    await waitFor(() => expect(screen.getAllByTestId('chat-assistant')).toHaveLength(2));
    expect(text('chat-tool')).toBe('get_time({"zone":"UTC"}) done');
    expect(screen.getAllByTestId('chat-assistant')[1]!.textContent).toBe('It is noon.');
    expect(server!.requests[1]!.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: '{"time":"12:00","zone":"UTC"}',
    });
  });

  it('aborts the signal of a running tool when the component unmounts', async () => {
    const api = await start((_request, response) => {
      writeToolCallAnswer(response, 'call_slow', 'slow_lookup', ['{}']);
    });
    const signals: AbortSignal[] = [];
    const view = render(
      <ChatPage
        options={{
          api,
          onToolCall: ({ signal }) => {
            signals.push(signal);
            return new Promise(() => {});
          },
        }}
      />,
    );
    submit('Look it up');
    await waitFor(() => expect(text('chat-tool')).toBe('slow_lookup({}) running'));
    view.unmount();
    await waitFor(() => expect(signals[0]?.aborted).toBe(true));
    expect(server!.requests).toHaveLength(1);
  });

  it('sends an image with the message as an image_url part', async () => {
    const api = await start((_request, response) => {
      openStream(response);
      writeAnswer(response, ['A red dot.']);
    });
    const image =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==';
    render(<ChatPage options={{ api }} images={[image]} />);
    submit('What is this?');
    await waitFor(() => expect(text('chat-assistant')).toBe('A red dot.'));
    expect(server!.requests[0]!.body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: image } },
        ],
      },
    ]);
  });
});
