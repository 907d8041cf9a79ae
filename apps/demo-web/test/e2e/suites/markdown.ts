import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { DemoFixture } from '../support/demo-fixture.js';
import { sseAnswer } from '../support/sse-answer.js';

const MARKDOWN_ANSWER = [
  '## Three ways to say hello',
  '',
  'Here is **bold**, `inline code` and a [link](https://portkey.ai/docs).',
  '',
  '| Language | Greeting |',
  '| --- | --- |',
  '| TypeScript | `console.log` |',
  '| Python | `print` |',
  '',
  '- [x] streamed',
  '- [ ] cached',
  '',
  '```ts',
  "const greeting: string = 'hello';",
  'console.log(greeting);',
  '```',
].join('\n');

const HOSTILE_ANSWER = [
  'Look: <script>window.__pwned = "script"</script>',
  '',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '',
  '[Click me](javascript:window.__pwned=%22link%22)',
  '',
  '<iframe src="javascript:window.parent.__pwned=\'iframe\'"></iframe>',
].join('\n');

/** Makes the page's next `/api/chat` answer `text`, as a stand-in API would. */
async function answerNextWith(page: Page, text: string, traceId: string): Promise<void> {
  await page.route('**/api/chat', async (route) => {
    const { headers, body } = sseAnswer({ text, traceId });
    await route.fulfill({ status: 200, headers, body });
  });
}

/** Answers rendered as Markdown by react-markdown: structure, code and safety. */
export function markdownTests(fixture: DemoFixture): void {
  it('renders a Markdown answer: headings, tables, task lists, links and highlighted code', async () => {
    const { chat, page } = fixture;
    await answerNextWith(page, MARKDOWN_ANSWER, 'trace-markdown');
    await chat.send('Show me some Markdown.');
    await chat.waitForStatus('Answer complete.');

    const answer = chat.lastAnswer();
    expect(await answer.getByRole('heading', { name: 'Three ways to say hello' }).count()).toBe(1);
    expect(await answer.getByRole('table').getByRole('row').count()).toBe(3);
    expect(await answer.getByRole('checkbox').count()).toBe(2);
    const link = answer.getByRole('link', { name: 'link' });
    expect(await link.getAttribute('href')).toBe('https://portkey.ai/docs');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const code = answer.locator('.code-block code');
    expect(await code.textContent()).toBe(
      "const greeting: string = 'hello';\nconsole.log(greeting);",
    );
    expect(await code.locator('.hljs-keyword').first().textContent()).toBe('const');
    expect(await code.locator('.hljs-string').first().textContent()).toBe("'hello'");
    expect(await answer.getByTestId('trace-id').textContent()).toBe('trace-markdown');
  });

  it('copies a code block with its copy button', async () => {
    const { chat, page, server } = fixture;
    await fixture.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    await answerNextWith(page, MARKDOWN_ANSWER, 'trace-copy');
    await chat.send('Show me some Markdown.');
    await chat.waitForStatus('Answer complete.');

    await chat.lastAnswer().getByRole('button', { name: 'Copy code' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe("const greeting: string = 'hello';\nconsole.log(greeting);");
  });

  it('shows HTML and script in an answer as text and never runs them', async () => {
    const { chat, page } = fixture;
    await answerNextWith(page, HOSTILE_ANSWER, 'trace-hostile');
    await chat.send('Say something dangerous.');
    await chat.waitForStatus('Answer complete.');
    await page.waitForTimeout(300);

    const answer = chat.lastAnswer();
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await answer.locator('script, img, iframe').count()).toBe(0);
    const text = (await answer.locator('.markdown').textContent()) ?? '';
    expect(text).toContain('<script>window.__pwned = "script"</script>');
    expect(text).toContain('<img src="x"');
    const href = await answer.getByText('Click me').getAttribute('href');
    expect(href ?? '').not.toMatch(/^javascript:/i);
  });
}
