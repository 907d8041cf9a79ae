import type { ChatMessage } from '@chatwire/react';
import type { ReactNode } from 'react';
import { Markdown } from '../markdown/Markdown.js';
import { AnswerFooter } from './AnswerFooter.js';
import { ToolCallList } from './ToolCallList.js';

/** Props of {@link MessageItem}. */
export interface MessageItemProps {
  message: ChatMessage;
  /** Whether this answer is still arriving. */
  streaming: boolean;
}

function UserMessage({ message }: { message: ChatMessage }): ReactNode {
  return (
    <li className="message message-user" data-testid="user-message">
      <span className="visually-hidden">You said:</span>
      {message.images !== undefined && message.images.length > 0 && (
        <div className="message-images">
          {message.images.map((image, index) => (
            <img
              // A message's images never change once sent.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              src={image.url}
              alt={`Attachment ${index + 1}`}
              className="message-image"
            />
          ))}
        </div>
      )}
      {message.content !== '' && <p className="message-text">{message.content}</p>}
    </li>
  );
}

/**
 * One message of the conversation: a question with its images in a bubble, or an answer as
 * plain text on the page, its tool calls before it and its details in a quiet line after it.
 * While an answer streams, a caret blinks at the end of its text.
 */
export function MessageItem({ message, streaming }: MessageItemProps): ReactNode {
  if (message.role === 'user') return <UserMessage message={message} />;
  const hasText = message.content !== '';
  return (
    <li
      className="message message-assistant"
      data-testid="assistant-message"
      data-streaming={streaming ? 'true' : 'false'}
    >
      <span className="visually-hidden">Assistant:</span>
      {message.toolCalls !== undefined && message.toolCalls.length > 0 && (
        <ToolCallList calls={message.toolCalls} />
      )}
      {hasText && <Markdown text={message.content} />}
      {streaming && !hasText && <span className="caret" aria-hidden="true" />}
      {message.refusal !== undefined && (
        <p className="message-refusal">The model refused: {message.refusal}</p>
      )}
      {message.partial && (
        <p className="message-note">
          {message.error === undefined ? 'Stopped.' : `Cut off: ${message.error}`}
        </p>
      )}
      {!streaming && <AnswerFooter message={message} />}
    </li>
  );
}
