import bash from 'highlight.js/lib/languages/bash';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import { createLowlight } from 'lowlight';

/**
 * The languages a chat answer's code blocks are coloured in: the common ones only, so that the
 * page stays small (all of highlight.js's grammars would triple its JavaScript).
 */
export const highlighter = createLowlight({
  bash,
  javascript,
  json,
  python,
  sql,
  typescript,
  xml,
});
highlighter.registerAlias({
  bash: ['sh', 'shell', 'zsh', 'console'],
  javascript: ['js', 'jsx', 'mjs', 'cjs'],
  typescript: ['ts', 'tsx'],
  python: ['py'],
  xml: ['html', 'svg'],
});
