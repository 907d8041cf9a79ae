import { useChatCompletion } from '@chatwire/react';
import { type ReactNode, useRef, useState } from 'react';
import { ChatSettings } from './components/ChatSettings.js';
import { Composer } from './components/Composer.js';
import { ErrorBanner } from './components/ErrorBanner.js';
import { Transcript } from './components/Transcript.js';
import { chatStatusText } from './lib/chat-status-text.js';
import { DEFAULT_MODEL } from './lib/models.js';
import { readImageAsDataUrl } from './lib/read-image.js';
import { withSystemPrompt } from './lib/system-prompt.js';
import { useModelList } from './lib/use-model-list.js';
import { runTool, WEATHER_TOOL } from './lib/weather-tool.js';

/** The chat page: settings, the conversation, the message box. */
export function App(): ReactNode {
  const [model, setModel] = useState(DEFAULT_MODEL);
  const [systemPrompt, setSystemPrompt] = useState('');
  const [image, setImage] = useState<string | undefined>(undefined);
  const [imageError, setImageError] = useState<string | undefined>(undefined);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const modelList = useModelList('/api/models');
  // A pick the API does not accept (the page's default, before the list arrives or when the
  // API's default differs) falls back to the API's default model.
  const selectedModel = modelList.list.models.includes(model) ? model : modelList.list.defaultModel;

  const chat = useChatCompletion({
    api: '/api/chat',
    body: { model: selectedModel, tools: [WEATHER_TOOL] },
    onToolCall: runTool,
  });
  const { messages, status, error, isLoading } = chat;

  const applySystemPrompt = () =>
    chat.setMessages((current) => withSystemPrompt(current, systemPrompt));
  const focusInput = () => inputRef.current?.focus();

  const send = () => {
    if (chat.input.trim() === '' && image === undefined) return;
    applySystemPrompt();
    chat.handleSubmit(undefined, image === undefined ? undefined : { images: [image] });
    setImage(undefined);
    focusInput();
  };

  const stop = () => {
    chat.stop();
    focusInput();
  };

  // The Regenerate button disappears while the answer is asked again: without this the focus
  // would fall back to the page's body.
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
  const canRegenerate = status === 'idle' && last?.role === 'assistant';

  return (
    <div className="app">
      <header className="app-header">
        <h1>
          chatwire <span className="subtitle">demo</span>
        </h1>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            chat.clearError();
            chat.stop();
            chat.setMessages([]);
            focusInput();
          }}
          disabled={messages.length === 0}
        >
          New chat
        </button>
      </header>
      <ChatSettings
        model={selectedModel}
        onModelChange={setModel}
        models={modelList.list.models}
        modelsLoading={modelList.loading}
        systemPrompt={systemPrompt}
        onSystemPromptChange={setSystemPrompt}
      />
      <main className="chat">
        <Transcript
          messages={messages}
          status={status}
          onRegenerate={canRegenerate ? regenerate : undefined}
        />
        {error !== undefined && (
          <ErrorBanner error={error} onRetry={retry} onDismiss={dismissError} />
        )}
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
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="chat-status">
          {chatStatusText(status, last)}
        </p>
      </main>
    </div>
  );
}
