import { type UseChatCompletionOptions, useChatCompletion } from '../src/index.js';

/** A minimal chat page, as an app would write it, that counts its renders. */
export function ChatPage(props: {
  options: UseChatCompletionOptions;
  onRender?: () => void;
  label?: string;
  images?: string[];
}) {
  const chat = useChatCompletion(props.options);
  props.onRender?.();
  const label = props.label ?? 'chat';
  return (
    <section aria-label={label}>
      <ul>
        {chat.messages.map((message) => (
          <li key={message.id} data-testid={`${label}-${message.role}`}>
            {message.content}
            {message.partial ? ' [partial]' : ''}
            {message.toolCalls?.map((call) => (
              <span key={call.id} data-testid={`${label}-tool`}>
                {`${call.name}(${call.arguments}) ${call.status}`}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <p data-testid={`${label}-status`}>{chat.status}</p>
      {chat.error && <p role="alert">{chat.error.message}</p>}
      <p data-testid={`${label}-trace`}>{chat.traceId ?? ''}</p>
      <form onSubmit={(event) => chat.handleSubmit(event, { images: props.images })}>
        <input aria-label={`${label}-input`} value={chat.input} onChange={chat.handleInputChange} />
        <button type="submit">Send</button>
      </form>
      <button type="button" onClick={chat.stop}>
        Stop
      </button>
      <button type="button" onClick={() => chat.reload()}>
        Regenerate
      </button>
      <button type="button" onClick={() => chat.retry()}>
        Retry
      </button>
    </section>
  );
}
