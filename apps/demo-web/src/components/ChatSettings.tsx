import { type ReactNode, useId } from 'react';
import { ANSWER_MODELS, SCENARIO_MODELS } from '../lib/models.js';

/** Props of {@link ChatSettings}. */
export interface ChatSettingsProps {
  model: string;
  onModelChange: (model: string) => void;
  systemPrompt: string;
  onSystemPromptChange: (prompt: string) => void;
}

/** The model picker and the system prompt sent at the start of every request. */
export function ChatSettings(props: ChatSettingsProps): ReactNode {
  const modelId = useId();
  const promptId = useId();
  return (
    <section className="settings" aria-label="Chat settings">
      <div className="field">
        <label htmlFor={modelId}>Model</label>
        <select
          id={modelId}
          value={props.model}
          onChange={(event) => props.onModelChange(event.target.value)}
        >
          <optgroup label="Models">
            {ANSWER_MODELS.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Emulator scenarios">
            {SCENARIO_MODELS.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="field field-wide">
        <label htmlFor={promptId}>System prompt</label>
        <input
          id={promptId}
          type="text"
          value={props.systemPrompt}
          onChange={(event) => props.onSystemPromptChange(event.target.value)}
          placeholder="You are a helpful assistant."
        />
      </div>
    </section>
  );
}
