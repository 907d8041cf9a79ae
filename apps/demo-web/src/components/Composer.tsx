import { type ChangeEvent, type KeyboardEvent, type ReactNode, type RefObject, useId } from 'react';

/** Props of {@link Composer}. */
export interface ComposerProps {
  input: string;
  onInputChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  /** Sends the input and the attached image. */
  onSend: () => void;
  /** Stops the answer in flight. */
  onStop: () => void;
  /** Whether an answer is in flight (the send button turns into a stop button). */
  busy: boolean;
  /** The attached image, as a `data:` URL. */
  image: string | undefined;
  onPickImage: (file: File) => void;
  onRemoveImage: () => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * The message box. Enter sends, Shift+Enter starts a new line; while an answer streams the
 * send button becomes a stop button.
 */
export function Composer(props: ComposerProps): ReactNode {
  const { input, busy, image, inputRef } = props;
  const inputId = useId();
  const hintId = useId();
  const fileId = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (!busy) props.onSend();
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again fires another change.
    event.target.value = '';
    if (file !== undefined) props.onPickImage(file);
  };

  const canSend = input.trim() !== '' || image !== undefined;

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) props.onSend();
      }}
    >
      {image !== undefined && (
        <div className="attachment">
          <img src={image} alt="Attachment to send" className="attachment-preview" />
          <button type="button" className="secondary" onClick={props.onRemoveImage}>
            Remove image
          </button>
        </div>
      )}
      <label htmlFor={inputId} className="visually-hidden">
        Message
      </label>
      <textarea
        id={inputId}
        ref={inputRef}
        className="composer-input"
        rows={2}
        value={input}
        onChange={props.onInputChange}
        onKeyDown={onKeyDown}
        placeholder="Message the assistant"
        aria-describedby={hintId}
      />
      <div className="composer-bar">
        <span id={hintId} className="hint">
          Enter to send, Shift+Enter for a new line
        </span>
        <label htmlFor={fileId} className="button secondary file-button">
          Attach image
        </label>
        <input
          id={fileId}
          type="file"
          accept="image/*"
          className="visually-hidden"
          onChange={onFile}
        />
        {busy ? (
          <button type="button" className="stop" onClick={props.onStop}>
            Stop
          </button>
        ) : (
          <button type="submit" disabled={!canSend}>
            Send
          </button>
        )}
      </div>
    </form>
  );
}
