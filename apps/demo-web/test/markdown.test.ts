import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../src/lib/markdown.js';

describe('parseMarkdown', () => {
  it('splits paragraphs on blank lines and keeps line breaks inside one', () => {
    expect(parseMarkdown('one\ntwo\n\nthree')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'one\ntwo' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'three' }] },
    ]);
  });

  it('reads fenced code with its language and leaves its content untouched', () => {
    expect(parseMarkdown('Run:\n```ts\nconst a = **b**;\n```\nDone.')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Run:' }] },
      { type: 'code', language: 'ts', text: 'const a = **b**;' },
      { type: 'paragraph', children: [{ type: 'text', text: 'Done.' }] },
    ]);
  });

  it('runs a code fence still open mid-stream to the end of the text', () => {
    expect(parseMarkdown('```\nline 1\nline 2')).toEqual([
      { type: 'code', language: '', text: 'line 1\nline 2' },
    ]);
  });

  it('groups bullet and numbered items into lists', () => {
    const blocks = parseMarkdown('- a\n- **b**\n\n3. x\n4. y');
    expect(blocks).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [{ type: 'text', text: 'a' }],
          [{ type: 'strong', children: [{ type: 'text', text: 'b' }] }],
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[{ type: 'text', text: 'x' }], [{ type: 'text', text: 'y' }]],
      },
    ]);
  });

  it('reads headings up to level three', () => {
    expect(parseMarkdown('## Title')).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Title' }] },
    ]);
  });
});

describe('parseInline', () => {
  it('reads bold and code spans', () => {
    expect(parseInline('a **b** `c` d')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'c' },
      { type: 'text', text: ' d' },
    ]);
  });

  it('keeps markup as text while its closing half has not arrived', () => {
    expect(parseInline('so **far `open')).toEqual([{ type: 'text', text: 'so **far `open' }]);
  });

  it('keeps HTML as plain text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});
