import { type ChatMessage, useChatCompletion } from '@chatwire/react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Composer } from './components/Composer.js';
import { Transcript } from './components/Transcript.js';
import { chatStatusText } from './lib/chat-status-text.js';
import { describeError } from './lib/error-text.js';
import { readImageAsDataUrl } from './lib/read-image.js';
import { withSystemPrompt } from './lib/system-prompt.js';
import { runTool, WEATHER_TOOL } from './lib/weather-tool.js';

/** Props of {@link ChatView}. */
export interface ChatViewProps {
  /** The conversation's id: an answer still streaming when the page reloads resumes under it. */
  conversationId: string;
  /** The conversation as it was saved; read once, when the view opens. */
  initialMessages: readonly ChatMessage[];
  /** Called whenever the conversation changes, to save it. */
  onMessagesChange: (messages: readonly ChatMessage[]) => void;
  model: string;
  systemPrompt: string;
  /** Opens the recipe example, offered on the welcome screen. */
  onOpenRecipe: () => void;
}

/** One conversation: its messages, the message box, and what a screen reader hears. */
export function ChatView(props: ChatViewProps): ReactNode {
  const { model, systemPrompt, onMessagesChange } = props;
  const [image, setImage] = useState<string | undefined>(undefined);
  const [imageError, setImageError] = useState<string | undefined>(undefined);
  const inputRef = useRef<HTMLTextAreaElement>(null);

  const chat = useChatCompletion({
    id: props.conversationId,
    resume: true,
    api: '/api/chat',
    initialMessages: [...props.initialMessages],
    body: { model, tools: [WEATHER_TOOL] },
    onToolCall: runTool,
  });
  const { messages, status, error, isLoading } = chat;

  // The conversation as opened is already saved; only changes are saved again.
  const opened = useRef(messages);
  useEffect(() => {
    if (messages !== opened.current) onMessagesChange(messages);
  }, [messages, onMessagesChange]);

  const applySystemPrompt = () =>
    chat.setMessages((current) => withSystemPrompt(current, systemPrompt));
  const focusInput = () => inputRef.current?.focus();

  const sendText = (text: string) => {
    applySystemPrompt();
    void chat.send(text);
    focusInput();
  };

  const send = () => {
    if (chat.input.trim() === '' && image === undefined) return;
    applySystemPrompt();
    chat.handleSubmit(undefined, image === undefined ? undefined : { images: [image] });
    setImage(undefined);
    focusInput();
  };

  // Buttons that disappear once pressed (Stop, Regenerate, Retry, Dismiss) give the focus back
  // to the message box, so that it never falls to the page's body.
  const stop = () => {
    chat.stop();
    focusInput();
  };

  const regenerate = () => {
    applySystemPrompt();
    void chat.reload();
    focusInput();
  };

  const dismissError = () => {
    chat.clearError();
    focusInput();
  };

  const retry = () => {
    applySystemPrompt();
    void chat.retry();
    focusInput();
  };

  const pickImage = async (file: File) => {
    setImageError(undefined);
    try {
      setImage(await readImageAsDataUrl(file));
    } catch (failure) {
      setImageError(failure instanceof Error ? failure.message : String(failure));
    }
    focusInput();
  };

  const last = messages.at(-1);

  return (
    <main className="chat">
      <Transcript
        messages={messages}
        status={status}
        error={error === undefined ? undefined : describeError(error, chat.traceId)}
        traceId={chat.traceId}
        onRegenerate={regenerate}
        onRetry={retry}
        onDismissError={dismissError}
        onPickPrompt={sendText}
        onOpenRecipe={props.onOpenRecipe}
      />
      <div className="composer-area">
        {imageError !== undefined && (
          <p className="image-error" role="alert">
            {imageError}
          </p>
        )}
        <Composer
          input={chat.input}
          onInputChange={chat.handleInputChange}
          onSend={send}
          onStop={stop}
          busy={isLoading}
          image={image}
          onPickImage={pickImage}
          onRemoveImage={() => {
            setImage(undefined);
            focusInput();
          }}
          inputRef={inputRef}
        />
        <p className="composer-note">
          Answers come from {model.startsWith('scenario:') ? 'an emulator scenario' : model} through
          Portkey. Enter sends, Shift+Enter adds a line.
        </p>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="chat-status">
        {chatStatusText(status, last)}
      </p>
    </main>
  );
}
