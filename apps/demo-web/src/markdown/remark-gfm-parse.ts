import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** The parts of a unified processor's data that Markdown syntax extensions are added to. */
interface ProcessorData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

/**
 * GitHub Flavored Markdown (tables, task lists, strikethrough, autolinks, footnotes) for
 * reading only: what `remark-gfm` does, without the code that writes Markdown back out, which
 * a page that only renders answers never runs and would otherwise ship.
 */
export function remarkGfmParse(this: { data(): object }): void {
  const data = this.data() as ProcessorData;
  data.micromarkExtensions ??= [];
  data.fromMarkdownExtensions ??= [];
  data.micromarkExtensions.push(gfm());
  data.fromMarkdownExtensions.push(gfmFromMarkdown());
}
