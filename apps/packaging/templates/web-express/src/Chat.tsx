import { useChatCompletion } from '@chatwire/react';

export function Chat() {
  const { messages, input, handleInputChange, handleSubmit, status, error, stop } =
    useChatCompletion({ api: '/api/chat' });
  const busy = status === 'submitted' || status === 'streaming';

  return (
    <main>
      {messages.map((message) => (
        <p key={message.id}>
          <b>{message.role}:</b> {message.content}
        </p>
      ))}
      {error && <p role="alert">{error.message}</p>}
      <form onSubmit={handleSubmit}>
        <input value={input} onChange={handleInputChange} placeholder="Say something" />
        {busy ? (
          <button type="button" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="submit">Send</button>
        )}
      </form>
    </main>
  );
}
