import {
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useId,
  useLayoutEffect,
} from 'react';
import { Icon } from './Icon.js';

/** Props of {@link Composer}. */
export interface ComposerProps {
  input: string;
  onInputChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  /** Sends the input and the attached image. */
  onSend: () => void;
  /** Stops the answer in flight. */
  onStop: () => void;
  /** Whether an answer is in flight (the send button gives way to a stop button). */
  busy: boolean;
  /** The attached image, as a `data:` URL. */
  image: string | undefined;
  onPickImage: (file: File) => void;
  onRemoveImage: () => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

/** The tallest the message box grows, in pixels, before it scrolls. */
const MAX_INPUT_HEIGHT = 200;

/**
 * The message box. It grows with its text; Enter sends, Shift+Enter starts a new line; while an
 * answer streams a stop button stands where the send button was.
 */
export function Composer(props: ComposerProps): ReactNode {
  const { input, busy, image, inputRef } = props;
  const inputId = useId();
  const hintId = useId();
  const fileId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: measures again whenever the text changes
  useLayoutEffect(() => {
    const box = inputRef.current;
    if (box === null) return;
    box.style.height = 'auto';
    box.style.height = `${Math.min(box.scrollHeight, MAX_INPUT_HEIGHT)}px`;
  }, [input, inputRef]);

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
          <button
            type="button"
            className="ghost-button attachment-remove"
            aria-label="Remove image"
            onClick={props.onRemoveImage}
          >
            <Icon name="close" size={14} />
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
        rows={1}
        value={input}
        onChange={props.onInputChange}
        onKeyDown={onKeyDown}
        placeholder="Message the assistant"
        aria-describedby={hintId}
        // biome-ignore lint/a11y/noAutofocus: the message box is what the page is for
        autoFocus
      />
      <span id={hintId} className="visually-hidden">
        Enter to send, Shift+Enter for a new line
      </span>
      <div className="composer-bar">
        <label htmlFor={fileId} className="icon-button file-button" title="Attach image">
          <Icon name="attach" />
          <span className="visually-hidden">Attach image</span>
        </label>
        <input
          id={fileId}
          type="file"
          accept="image/*"
          className="visually-hidden"
          onChange={onFile}
        />
        {/* Two keyed buttons, never one whose type changes: a button that turns into a submit
            button while its click is handled submits the form, and would send the draft. */}
        {busy ? (
          <button
            key="stop"
            type="button"
            className="icon-button primary-button stop-button"
            aria-label="Stop"
            title="Stop"
            onClick={props.onStop}
          >
            <Icon name="stop" />
          </button>
        ) : (
          <button
            key="send"
            type="submit"
            className="icon-button primary-button"
            aria-label="Send"
            title="Send"
            disabled={!canSend}
          >
            <Icon name="send" />
          </button>
        )}
      </div>
    </form>
  );
}
