/**
 * A small Markdown subset for chat answers, parsed to a tree that React renders as elements, so
 * that model output is never interpreted as HTML. It is forgiving of text cut off mid-stream:
 * an unclosed code fence runs to the end, an unclosed `**` or backtick stays literal.
 */

/** A run of text inside a block. */
export type MarkdownInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MarkdownInline[] }
  | { type: 'code'; text: string };

/** A block of an answer. */
export type MarkdownBlock =
  | { type: 'paragraph'; children: MarkdownInline[] }
  | { type: 'heading'; level: 1 | 2 | 3; children: MarkdownInline[] }
  | { type: 'code'; language: string; text: string }
  | { type: 'list'; ordered: boolean; start: number; items: MarkdownInline[][] };

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const HEADING = /^\s{0,3}(#{1,3})\s+(.*)$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;

/** Parses `source` into blocks. */
export function parseMarkdown(source: string): MarkdownBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };

  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      flushParagraph();
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      index++;
      while (index < lines.length && !isClosingFence(lines[index] ?? '', marker)) {
        body.push(lines[index] ?? '');
        index++;
      }
      index++;
      blocks.push({ type: 'code', language: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      const level = (heading[1]?.length ?? 1) as 1 | 2 | 3;
      blocks.push({ type: 'heading', level, children: parseInline(heading[2] ?? '') });
      index++;
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet || numbered) {
      flushParagraph();
      const ordered = numbered !== null;
      const pattern = ordered ? NUMBERED : BULLET;
      const items: MarkdownInline[][] = [];
      let match = pattern.exec(line);
      while (match) {
        items.push(parseInline((ordered ? match[2] : match[1]) ?? ''));
        index++;
        match = pattern.exec(lines[index] ?? '');
      }
      const start = ordered ? Number(numbered?.[1] ?? 1) : 1;
      blocks.push({ type: 'list', ordered, start, items });
      continue;
    }
    if (line.trim() === '') flushParagraph();
    else paragraph.push(line);
    index++;
  }
  flushParagraph();
  return blocks;
}

function isClosingFence(line: string, marker: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(marker) && trimmed.replaceAll(marker[0] ?? '`', '') === '';
}

/** Parses `**bold**` and `` `code` `` spans; anything unmatched stays as text. */
export function parseInline(text: string): MarkdownInline[] {
  const out: MarkdownInline[] = [];
  let plain = '';
  let index = 0;
  const flushText = () => {
    if (plain !== '') out.push({ type: 'text', text: plain });
    plain = '';
  };
  while (index < text.length) {
    if (text[index] === '`') {
      const end = text.indexOf('`', index + 1);
      if (end > index + 1) {
        flushText();
        out.push({ type: 'code', text: text.slice(index + 1, end) });
        index = end + 1;
        continue;
      }
    }
    if (text.startsWith('**', index)) {
      const end = text.indexOf('**', index + 2);
      if (end > index + 2) {
        flushText();
        out.push({ type: 'strong', children: parseInline(text.slice(index + 2, end)) });
        index = end + 2;
        continue;
      }
    }
    plain += text[index];
    index++;
  }
  flushText();
  return out;
}
