import { type ComponentProps, isValidElement, memo, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import { CodeBlock } from './CodeBlock.js';
import { remarkGfmParse } from './remark-gfm-parse.js';
import { remarkHtmlAsText } from './remark-html-as-text.js';

const plugins = [remarkGfmParse, remarkHtmlAsText];

/** The fence's language from the `language-xxx` class react-markdown gives a block's `<code>`. */
function languageOf(className: unknown): string | undefined {
  if (typeof className !== 'string') return undefined;
  return /(?:^|\s)language-([\w+#.-]+)/.exec(className)?.[1]?.toLowerCase();
}

function Pre({ children }: ComponentProps<'pre'>): ReactNode {
  if (!isValidElement<{ className?: string; children?: ReactNode }>(children)) {
    return <pre>{children}</pre>;
  }
  const code = String(children.props.children ?? '').replace(/\n$/, '');
  return <CodeBlock code={code} language={languageOf(children.props.className)} />;
}

function Link({ href, children }: ComponentProps<'a'>): ReactNode {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

function Table(props: ComponentProps<'table'>): ReactNode {
  return (
    <div className="table-scroll">
      <table>{props.children}</table>
    </div>
  );
}

const components: Components = { pre: Pre, a: Link, table: Table };

/**
 * Renders an answer's Markdown (CommonMark and GitHub's tables, task lists, strikethrough and
 * autolinks) as React elements. HTML in an answer is shown as text, never rendered, and
 * react-markdown drops `javascript:` and other unsafe link targets.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }): ReactNode {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={plugins} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
