/** A node of a Markdown syntax tree, as far as this plugin needs to know it. */
interface MdastNode {
  type: string;
  value?: string;
  children?: MdastNode[];
}

function htmlToText(node: MdastNode): void {
  if (node.type === 'html') node.type = 'text';
  for (const child of node.children ?? []) htmlToText(child);
}

/**
 * A remark plugin that turns HTML written in an answer into plain text, so the reader sees
 * `<script>` as the model wrote it instead of having it silently dropped (or, worse, run).
 */
export function remarkHtmlAsText(): (tree: MdastNode) => void {
  return htmlToText;
}
