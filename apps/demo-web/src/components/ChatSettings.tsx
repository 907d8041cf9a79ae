import { type ReactNode, useId } from 'react';
import { isScenarioModel, modelLabel } from '../lib/models.js';

/** Props of {@link ChatSettings}. */
export interface ChatSettingsProps {
  model: string;
  onModelChange: (model: string) => void;
  /** The models the API accepts, as it listed them. */
  models: readonly string[];
  /** Whether the list of models is still being fetched. */
  modelsLoading: boolean;
  systemPrompt: string;
  onSystemPromptChange: (prompt: string) => void;
  /** The panel's element id, for the button that opens it. */
  id: string;
  /** Whether the panel is shown. */
  open: boolean;
}

function ModelOptions({ models }: { models: readonly string[] }): ReactNode {
  return models.map((model) => (
    <option key={model} value={model}>
      {modelLabel(model)}
    </option>
  ));
}

/**
 * The model picker and the system prompt sent at the start of every request, in a panel that
 * opens from the header.
 */
export function ChatSettings(props: ChatSettingsProps): ReactNode {
  const modelId = useId();
  const promptId = useId();
  const answering = props.models.filter((model) => !isScenarioModel(model));
  const scenarios = props.models.filter(isScenarioModel);
  return (
    <section id={props.id} className="settings" aria-label="Chat settings" hidden={!props.open}>
      <div className="field">
        <label htmlFor={modelId}>Model</label>
        <select
          id={modelId}
          value={props.model}
          aria-busy={props.modelsLoading}
          onChange={(event) => props.onModelChange(event.target.value)}
        >
          {scenarios.length === 0 ? (
            <ModelOptions models={answering} />
          ) : (
            <>
              <optgroup label="Models">
                <ModelOptions models={answering} />
              </optgroup>
              <optgroup label="Emulator scenarios">
                <ModelOptions models={scenarios} />
              </optgroup>
            </>
          )}
        </select>
      </div>
      <div className="field field-wide">
        <label htmlFor={promptId}>System prompt</label>
        <textarea
          id={promptId}
          rows={2}
          value={props.systemPrompt}
          onChange={(event) => props.onSystemPromptChange(event.target.value)}
          placeholder="You are a helpful assistant."
        />
      </div>
    </section>
  );
}
