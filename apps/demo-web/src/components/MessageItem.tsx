import type { ChatMessage } from '@chatwire/react';
import type { ReactNode } from 'react';
import { AnswerDetails } from './AnswerDetails.js';
import { Markdown } from './Markdown.js';
import { ToolCallList } from './ToolCallList.js';

/** Props of {@link MessageItem}. */
export interface MessageItemProps {
  message: ChatMessage;
  /** Whether this answer is still arriving. */
  streaming: boolean;
}

/** One message of the conversation: a question with its images, or an answer with its details. */
export function MessageItem({ message, streaming }: MessageItemProps): ReactNode {
  if (message.role === 'user') {
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
  const finished = !streaming;
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
      {message.content !== '' && <Markdown text={message.content} />}
      {streaming && <span className="cursor" aria-hidden="true" />}
      {message.refusal !== undefined && (
        <p className="message-refusal">The model refused: {message.refusal}</p>
      )}
      {message.partial && (
        <p className="message-note">
          {message.error === undefined ? 'Stopped.' : `Cut off: ${message.error}`}
        </p>
      )}
      {finished && <AnswerDetails message={message} />}
    </li>
  );
}
