import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { useChat } from '@ai-sdk/react';
import { useChatCompletion } from '@chatwire/react';
import { type ComponentType, createElement, useEffect, useRef, useState } from 'react';
import { openAIChunkFetch, uiMessageStreamFetch } from './react-token-streams.js';

/** Props of every benchmarked chat component. */
export interface ContenderProps {
  tokens: readonly string[];
  /** Called on every render with the answer text that render shows. */
  onRender: (answer: string) => void;
  onDone: () => void;
}

/** A chat component that sends one message on mount and reports when the answer is whole. */
export interface Contender {
  name: string;
  Component: ComponentType<ContenderProps>;
}

function useOnce(effect: () => void): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    effect();
  });
}

function Answer(props: { text: string }) {
  return createElement('p', null, props.text);
}

function ChatwireChat({ tokens, onRender, onDone }: ContenderProps) {
  const [fetchAnswer] = useState(() => openAIChunkFetch(tokens));
  const chat = useChatCompletion({ api: 'http://bench.local/api/chat', fetch: fetchAnswer });
  useOnce(() => void chat.send('Go'));
  const answer = chat.messages[1]?.content ?? '';
  onRender(answer);
  useEffect(() => {
    if (chat.status === 'idle' && chat.messages.length === 2) onDone();
  });
  return createElement(Answer, { text: answer });
}

/** `DefaultChatTransport` lives in `ai`, a dependency of `@ai-sdk/react`. */
async function loadDefaultChatTransport() {
  const fromReact = createRequire(createRequire(import.meta.url).resolve('@ai-sdk/react'));
  const ai = (await import(pathToFileURL(fromReact.resolve('ai')).href)) as {
    DefaultChatTransport: new (options: {
      api: string;
      fetch: typeof fetch;
    }) => NonNullable<Parameters<typeof useChat>[0]> extends { transport?: infer T } ? T : never;
  };
  return ai.DefaultChatTransport;
}

function aiSdkChat(
  throttle: number | undefined,
  Transport: Awaited<ReturnType<typeof loadDefaultChatTransport>>,
) {
  return function AiSdkChat({ tokens, onRender, onDone }: ContenderProps) {
    const [transport] = useState(
      () =>
        new Transport({ api: 'http://bench.local/api/chat', fetch: uiMessageStreamFetch(tokens) }),
    );
    const chat = useChat({ transport, throttle });
    useOnce(() => void chat.sendMessage({ text: 'Go' }));
    const last = chat.messages[1];
    const answer =
      last?.parts.map((part) => (part.type === 'text' ? part.text : '')).join('') ?? '';
    onRender(answer);
    useEffect(() => {
      if (chat.status === 'ready' && chat.messages.length === 2) onDone();
    });
    return createElement(Answer, { text: answer });
  };
}

/** What a hand-written hook does: `useState`, and one state update per chunk. */
function NaiveChat({ tokens, onRender, onDone }: ContenderProps) {
  const [answer, setAnswer] = useState('');
  const [finished, setFinished] = useState(false);
  useOnce(() => {
    void (async () => {
      const response = await openAIChunkFetch(tokens)('http://bench.local/api/chat');
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        const events = buffer.split('\n\n');
        buffer = events.pop() ?? '';
        for (const event of events) {
          const json = event.slice('data: '.length);
          if (json === '[DONE]') continue;
          const delta = JSON.parse(json).choices[0]?.delta?.content;
          if (delta) setAnswer((text) => text + delta);
        }
      }
      setFinished(true);
    })();
  });
  onRender(answer);
  useEffect(() => {
    if (finished) onDone();
  });
  return createElement(Answer, { text: answer });
}

/** The hooks compared, in table order. */
export async function loadContenders(): Promise<Contender[]> {
  const Transport = await loadDefaultChatTransport();
  return [
    { name: 'chatwire useChatCompletion', Component: ChatwireChat },
    { name: '@ai-sdk/react useChat', Component: aiSdkChat(undefined, Transport) },
    { name: '@ai-sdk/react useChat (throttle 16 ms)', Component: aiSdkChat(16, Transport) },
    { name: 'naive useState hook', Component: NaiveChat },
  ];
}
