import { type ReactNode, useMemo } from 'react';
import { type MarkdownBlock, type MarkdownInline, parseMarkdown } from '../lib/markdown.js';

/** Renders an answer's Markdown as React elements: model output never becomes raw HTML. */
export function Markdown({ text }: { text: string }): ReactNode {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className="markdown">{blocks.map(renderBlock)}</div>;
}

function renderBlock(block: MarkdownBlock, key: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{block.children.map(renderInline)}</p>;
    case 'heading': {
      const Tag = (['h3', 'h4', 'h5'] as const)[block.level - 1] ?? 'h5';
      return <Tag key={key}>{block.children.map(renderInline)}</Tag>;
    }
    case 'code':
      return (
        <pre key={key} className="code-block" data-language={block.language || undefined}>
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        // The items of a streamed list only ever grow at the end, so their positions are stable.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index}>{item.map(renderInline)}</li>
      ));
      return block.ordered ? (
        <ol key={key} start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
  }
}

function renderInline(inline: MarkdownInline, key: number): ReactNode {
  switch (inline.type) {
    case 'text':
      return inline.text;
    case 'code':
      return <code key={key}>{inline.text}</code>;
    case 'strong':
      return <strong key={key}>{inline.children.map(renderInline)}</strong>;
  }
}
