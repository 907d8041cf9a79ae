import { expect, it } from 'vitest';
import { type DemoFixture, TEST_MODELS } from '../support/demo-fixture.js';

/** A conversation long enough to scroll, saved in the browser as the page saves it. */
function longConversation(turns: number) {
  const paragraph =
    'Lighthouses stand where the land gives way to the sea, and their keepers kept the lamps ' +
    'burning through storms so that ships could find their way home. ';
  const messages = Array.from({ length: turns }, (_, index) => [
    { id: `u${index}`, role: 'user', content: `Tell me about lighthouse number ${index + 1}.` },
    { id: `a${index}`, role: 'assistant', content: paragraph.repeat(4) },
  ]).flat();
  return {
    activeId: 'seeded',
    conversations: [
      { id: 'seeded', title: 'Lighthouses', renamed: true, messages, updatedAt: Date.now() },
    ],
  };
}

/** The page's furniture: welcome, message box, settings, scrolling, answers. */
export function pageLayoutTests(fixture: DemoFixture): void {
  it('greets with suggested prompts and focuses the message box; a suggestion sends itself', async () => {
    const { chat, page } = fixture;
    expect(await page.getByRole('heading', { name: 'What can I help with?' }).isVisible()).toBe(
      true,
    );
    expect(await chat.inputHasFocus()).toBe(true);
    const suggestions = page.getByRole('list', { name: 'Suggested prompts' }).getByRole('button');
    expect(await suggestions.count()).toBeGreaterThanOrEqual(3);

    await page.getByRole('button', { name: /What can you do\?/ }).click();
    await chat.waitForStatus('Answer complete.');
    expect(await chat.userMessages.last().textContent()).toContain('Hello, what can you do?');
    expect(await page.getByRole('heading', { name: 'What can I help with?' }).count()).toBe(0);
  });

  it('grows the message box with its text, up to a limit', async () => {
    const { chat } = fixture;
    const oneLine = (await chat.input.boundingBox())?.height ?? 0;
    await chat.input.fill('one\ntwo\nthree\nfour');
    const fourLines = (await chat.input.boundingBox())?.height ?? 0;
    expect(fourLines).toBeGreaterThan(oneLine * 2);
    await chat.input.fill(Array.from({ length: 40 }, (_, line) => `line ${line}`).join('\n'));
    const many = (await chat.input.boundingBox())?.height ?? 0;
    expect(many).toBeLessThanOrEqual(200);
    expect(many).toBeGreaterThan(fourLines);
  });

  it('keeps model and system prompt in a settings panel that opens from the header', async () => {
    const { chat } = fixture;
    expect(await chat.model.isVisible()).toBe(false);
    expect(await chat.settingsButton.getAttribute('aria-expanded')).toBe('false');
    expect(await chat.settingsButton.textContent()).toContain(TEST_MODELS.answer);

    await chat.settingsButton.click();
    expect(await chat.model.isVisible()).toBe(true);
    expect(await chat.systemPrompt.isVisible()).toBe(true);
    expect(await chat.settingsButton.getAttribute('aria-expanded')).toBe('true');
    await chat.settingsButton.click();
    expect(await chat.model.isVisible()).toBe(false);
  });

  it('names its icon buttons: Send, Attach image and, while answering, Stop', async () => {
    const { chat, page } = fixture;
    const send = page.getByRole('button', { name: 'Send' });
    expect(await send.isDisabled()).toBe(true);
    expect(await page.getByLabel('Attach image').count()).toBe(1);
    await chat.input.fill('Hello');
    expect(await send.isEnabled()).toBe(true);

    await chat.chooseModel(TEST_MODELS.slow);
    await chat.input.press('Enter');
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    expect(await send.count()).toBe(0);
    await page.getByRole('button', { name: 'Stop' }).click();
    await chat.waitForStatus('Answer stopped.');
  });

  it('follows a growing answer at the bottom, and never pulls back a reader who scrolled up', async () => {
    const { chat, page } = fixture;
    await page.setViewportSize({ width: 1000, height: 600 });
    await page.evaluate((stored) => {
      localStorage.setItem('chatwire-demo:conversations', JSON.stringify(stored));
    }, longConversation(6));
    await page.reload();
    await chat.waitForModels();
    expect(await chat.distanceFromBottom()).toBeLessThan(2);

    await chat.chooseModel(TEST_MODELS.slow);
    await chat.send('Tell me a long story about a lighthouse keeper and the sea.');
    await chat.waitForStatus('The assistant is answering…');
    await page.waitForTimeout(600);
    expect(await chat.distanceFromBottom()).toBeLessThan(2);
    expect(await page.getByRole('button', { name: 'Jump to latest' }).count()).toBe(0);

    const box = await chat.transcript.boundingBox();
    await page.mouse.move((box?.x ?? 0) + 200, (box?.y ?? 0) + 200);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => chat.distanceFromBottom()).toBeGreaterThan(300);
    const scrolledTo = await chat.transcript.evaluate((element) => element.scrollTop);
    const textBefore = await chat.lastAnswer().textContent();
    await expect
      .poll(async () => (await chat.lastAnswer().textContent()) !== textBefore, { timeout: 5_000 })
      .toBe(true);
    expect(await chat.transcript.evaluate((element) => element.scrollTop)).toBe(scrolledTo);

    await page.getByRole('button', { name: 'Jump to latest' }).click();
    await expect.poll(() => chat.distanceFromBottom()).toBeLessThan(2);
    await expect.poll(() => page.getByRole('button', { name: 'Jump to latest' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Stop' }).click();
  });

  it('shows an answer without a card, its details in a quiet line, and the caret at its end', async () => {
    const { chat, page } = fixture;
    await chat.chooseModel(TEST_MODELS.slow);
    await chat.send('Tell me a long story about a lighthouse keeper and the sea.');
    await chat.waitForStatus('The assistant is answering…');
    const answer = chat.lastAnswer();
    await answer.locator('.markdown').waitFor();
    const caret = await answer.locator('.markdown > :last-child').evaluate((element) => {
      const after = getComputedStyle(element, '::after');
      return { content: after.content, display: after.display };
    });
    expect(caret).toEqual({ content: '""', display: 'inline-block' });
    await page.getByRole('button', { name: 'Stop' }).click();
    await chat.waitForStatus('Answer stopped.');

    await chat.chooseModel(TEST_MODELS.answer);
    await chat.send('Name three colours of the rainbow.');
    await chat.waitForStatus('Answer complete.');
    const finished = chat.lastAnswer();
    const card = await finished.evaluate((element) => {
      const style = getComputedStyle(element);
      return { border: style.borderTopWidth, background: style.backgroundColor };
    });
    expect(card.border).toBe('0px');
    expect(card.background).toBe('rgba(0, 0, 0, 0)');
    const footer = finished.locator('.answer-footer');
    const footerText = (await footer.textContent()) ?? '';
    for (const label of ['Trace', 'Tokens', 'Latency', 'Cache'])
      expect(footerText).toContain(label);
    const footerSize = await footer.evaluate((element) =>
      Number.parseFloat(getComputedStyle(element).fontSize),
    );
    expect(footerSize).toBeLessThan(14);
  });
}
