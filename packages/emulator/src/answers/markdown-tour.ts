/**
 * A Markdown answer that uses every common construct a chat page has to render: headings,
 * emphasis, inline code, lists, a task list, a table, a quote, links and fenced code blocks in
 * several languages.
 */
export function markdownTour(subject: string): string {
  const name = subject.charAt(0).toUpperCase() + subject.slice(1);
  const id = subject.replace(/[^\p{L}\p{N}]+/gu, '_').toLowerCase() || 'topic';
  return `# ${name}: a Markdown tour

Here is **bold**, *italic*, ~~struck~~ and \`inline code\`, then the usual blocks.

## Lists

1. Read the question
2. Plan the answer
   - keep it short
   - show an example
3. Send it, token by token

- [x] headings and lists
- [ ] your own content

## A table

| Language   | Typing  | Hello world              |
|------------|:-------:|--------------------------|
| TypeScript | static  | \`console.log('hi')\`      |
| Python     | dynamic | \`print('hi')\`            |
| Bash       | none    | \`echo hi\`                |

> A quote stands out from the text around it.

## Code

\`\`\`typescript
interface Note {
  id: string;
  text: string;
}

export function describe(note: Note): string {
  return \`\${note.id}: \${note.text}\`;
}
\`\`\`

\`\`\`python
def describe(note: dict) -> str:
    return f"{note['id']}: {note['text']}"

print(describe({"id": "${id}", "text": "${subject}"}))
\`\`\`

\`\`\`bash
curl -s http://127.0.0.1:8787/v1/models | jq '.data[].id'
\`\`\`

\`\`\`json
{ "id": "${id}", "text": "${subject}" }
\`\`\`

## Links

- [CommonMark](https://commonmark.org), the Markdown specification
- [GitHub Flavored Markdown](https://github.github.com/gfm/), which adds tables and task lists
`;
}
