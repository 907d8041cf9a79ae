import type { ChatMessage, ChatStatus } from '@chatwire/react';
import { type ReactNode, useEffect, useRef } from 'react';
import { MessageItem } from './MessageItem.js';

/** Props of {@link Transcript}. */
export interface TranscriptProps {
  messages: readonly ChatMessage[];
  status: ChatStatus;
  /** Shown under the last answer when it can be asked again. */
  onRegenerate: (() => void) | undefined;
}

/** The conversation, newest at the bottom, kept scrolled to the end while an answer grows. */
export function Transcript({ messages, status, onRegenerate }: TranscriptProps): ReactNode {
  const end = useRef<HTMLDivElement>(null);
  const visible = messages.filter((message) => message.role !== 'system');
  const last = visible.at(-1);
  const lastContent = last?.content;

  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls whenever the answer grows
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [visible.length, lastContent]);

  if (visible.length === 0) {
    return (
      <div className="transcript transcript-empty">
        <p>Ask anything. Try “What's the weather in Paris?” or attach an image.</p>
      </div>
    );
  }
  return (
    <section className="transcript" aria-label="Conversation">
      <ol className="messages">
        {visible.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            streaming={status === 'streaming' && message === last && message.role === 'assistant'}
          />
        ))}
      </ol>
      {status === 'submitted' && (
        <p className="thinking" data-testid="thinking">
          Waiting for the first token…
        </p>
      )}
      {onRegenerate !== undefined && (
        <div className="transcript-actions">
          <button type="button" className="secondary" onClick={onRegenerate}>
            Regenerate
          </button>
        </div>
      )}
      <div ref={end} />
    </section>
  );
}
