import type { ChatMessage, ChatStatus } from '@chatwire/react';
import { type ReactNode, useEffect } from 'react';
import type { ErrorDescription } from '../lib/error-text.js';
import { useStickToBottom } from '../lib/use-stick-to-bottom.js';
import { ErrorBanner } from './ErrorBanner.js';
import { Icon } from './Icon.js';
import { MessageItem } from './MessageItem.js';
import { Welcome } from './Welcome.js';

/** Props of {@link Transcript}. */
export interface TranscriptProps {
  messages: readonly ChatMessage[];
  status: ChatStatus;
  /** The last request's failure, shown below the turn it broke. */
  error: ErrorDescription | undefined;
  /** The last request's trace id, kept beside a question left unanswered. */
  traceId: string | undefined;
  onRegenerate: () => void;
  onRetry: () => void;
  onDismissError: () => void;
  /** Sends one of the welcome's suggested prompts. */
  onPickPrompt: (prompt: string) => void;
  /** Opens the recipe example from the welcome screen. */
  onOpenRecipe: () => void;
}

function UnansweredNote({ traceId, onRetry }: { traceId?: string; onRetry: () => void }) {
  return (
    <div className="unanswered" data-testid="unanswered">
      <span>Not answered.</span>
      {traceId !== undefined && (
        <span className="unanswered-trace">
          Trace <code data-testid="unanswered-trace-id">{traceId}</code>
        </span>
      )}
      <button type="button" className="pill-button" onClick={onRetry}>
        <Icon name="retry" size={16} />
        Retry
      </button>
    </div>
  );
}

/**
 * The conversation, newest at the bottom. It follows a growing answer while the reader is at
 * the bottom, and offers "Jump to latest" when they have scrolled up.
 */
export function Transcript(props: TranscriptProps): ReactNode {
  const { messages, status, error } = props;
  const { scrollRef, contentRef, atBottom, jumpToLatest } = useStickToBottom();
  const visible = messages.filter((message) => message.role !== 'system');
  const last = visible.at(-1);
  const userTurns = visible.filter((message) => message.role === 'user').length;

  // A question just sent is always shown, wherever the reader was.
  useEffect(() => {
    if (userTurns > 0) jumpToLatest('auto');
  }, [userTurns, jumpToLatest]);

  const idle = status === 'idle';
  const cutOff = last?.role === 'assistant' && last.partial === true && last.error !== undefined;
  const unanswered = idle && (last?.role === 'user' || cutOff);

  return (
    <div className="transcript-frame">
      <div className="transcript" ref={scrollRef}>
        <div className="transcript-content" ref={contentRef}>
          {visible.length === 0 ? (
            <Welcome onPick={props.onPickPrompt} onOpenRecipe={props.onOpenRecipe} />
          ) : (
            <section aria-label="Conversation">
              <ol className="messages">
                {visible.map((message) => (
                  <MessageItem
                    key={message.id}
                    message={message}
                    streaming={
                      (status === 'streaming' ||
                        status === 'reconnecting' ||
                        status === 'stalled') &&
                      message === last &&
                      message.role === 'assistant'
                    }
                  />
                ))}
              </ol>
              {(status === 'reconnecting' || status === 'stalled') && (
                <p className="connection-notice" data-testid="connection-notice">
                  {status === 'reconnecting'
                    ? 'Connection lost. Reconnecting…'
                    : 'Still waiting for the answer…'}
                </p>
              )}
              {status === 'submitted' && (
                <p className="thinking" data-testid="thinking">
                  <span className="visually-hidden">Waiting for the first token…</span>
                  <span className="dots" aria-hidden="true">
                    <span />
                    <span />
                    <span />
                  </span>
                </p>
              )}
              {error !== undefined && (
                <ErrorBanner
                  error={error}
                  onRetry={props.onRetry}
                  onDismiss={props.onDismissError}
                />
              )}
              {unanswered && <UnansweredNote traceId={props.traceId} onRetry={props.onRetry} />}
              {idle && last?.role === 'assistant' && !cutOff && (
                <div className="answer-actions">
                  <button type="button" className="ghost-button" onClick={props.onRegenerate}>
                    <Icon name="retry" size={16} />
                    Regenerate
                  </button>
                </div>
              )}
            </section>
          )}
        </div>
      </div>
      {!atBottom && (
        <button
          type="button"
          className="jump-button"
          onClick={() => jumpToLatest()}
          aria-label="Jump to latest"
        >
          <Icon name="down" size={18} />
        </button>
      )}
    </div>
  );
}
