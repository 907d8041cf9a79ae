import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { type ReactNode, useMemo } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { CopyButton } from '../components/CopyButton.js';
import { highlighter } from './highlighter.js';

/** Props of {@link CodeBlock}. */
export interface CodeBlockProps {
  /** The code, without the fence. */
  code: string;
  /** The fence's language (` ```ts `), when it named one. */
  language: string | undefined;
}

/**
 * A fenced code block: its language, a copy button, and the code coloured by highlight.js. The
 * highlighter's output is a syntax tree turned into React elements, never HTML, so code that
 * looks like markup stays text.
 */
export function CodeBlock({ code, language }: CodeBlockProps): ReactNode {
  const highlighted = useMemo(() => {
    if (language === undefined || !highlighter.registered(language)) return code;
    return toJsxRuntime(highlighter.highlight(language, code), { Fragment, jsx, jsxs });
  }, [code, language]);
  return (
    <figure className="code-block">
      <figcaption className="code-block-bar">
        <span className="code-block-language">{language ?? 'text'}</span>
        <CopyButton value={code} label="Copy code" />
      </figcaption>
      {/* Focusable so that a long line can be scrolled sideways from the keyboard. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above */}
      <pre tabIndex={0}>
        <code className={language === undefined ? undefined : `hljs language-${language}`}>
          {highlighted}
        </code>
      </pre>
    </figure>
  );
}
