import type { ReactNode } from 'react';

/** Prompts that show what the page does: tools, Markdown and code, a long streamed answer. */
export const SUGGESTED_PROMPTS: readonly { title: string; prompt: string }[] = [
  { title: 'What can you do?', prompt: 'Hello, what can you do?' },
  { title: 'Check the weather', prompt: "What's the weather in Paris?" },
  {
    title: 'Markdown and code',
    prompt: 'Show me some Markdown: a table, a list and code in TypeScript and Python.',
  },
  { title: 'A long essay', prompt: 'Write a 500-word essay about lighthouses.' },
];

/** Props of {@link Welcome}. */
export interface WelcomeProps {
  /** Sends a suggested prompt. */
  onPick: (prompt: string) => void;
  /** Opens the recipe example. */
  onOpenRecipe: () => void;
}

/** The empty conversation: a greeting, prompts to start from and the recipe example. */
export function Welcome({ onPick, onOpenRecipe }: WelcomeProps): ReactNode {
  return (
    <div className="welcome">
      <h2 className="welcome-title">What can I help with?</h2>
      <p className="welcome-text">
        Answers stream from Portkey's Chat Completions through chatwire. Attach an image, ask for
        the weather, or try one of these:
      </p>
      <ul className="suggestions" aria-label="Suggested prompts">
        {SUGGESTED_PROMPTS.map(({ title, prompt }) => (
          <li key={prompt}>
            <button type="button" className="suggestion" onClick={() => onPick(prompt)}>
              <span className="suggestion-title">{title}</span>
              <span className="suggestion-prompt">{prompt}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="suggestion suggestion-wide" onClick={onOpenRecipe}>
        <span className="suggestion-title">Extract a recipe</span>
        <span className="suggestion-prompt">
          A structured answer: a recipe card that fills in field by field while it streams.
        </span>
      </button>
    </div>
  );
}
