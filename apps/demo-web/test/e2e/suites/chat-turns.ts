import { expect, it } from 'vitest';
import { type DemoFixture, TEST_MODELS } from '../support/demo-fixture.js';

/** A 4×4 red PNG, the image a user attaches. */
const RED_SQUARE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGO4Y2MDRwzEcQAy0hVBbgTcWgAAAABJRU5ErkJggg==',
  'base64',
);

/** One turn after another: streaming, stopping, regenerating, failing, images and tools. */
export function chatTurnTests(fixture: DemoFixture): void {
  const { backend } = fixture;
  it('streams an answer that grows in steps, then shows its details', async () => {
    const { chat } = fixture;
    await chat.recordAnswerTexts();
    await chat.input.fill('Explain in a few sentences why streamed answers feel faster.');
    await chat.input.press('Enter');

    await chat.waitForStatus('Answer complete.');
    const texts = await chat.recordedAnswerTexts();
    const final = (await chat.lastAnswer().locator('.markdown').textContent()) ?? '';
    const partials = texts.filter((text) => text !== final);
    expect(partials.length).toBeGreaterThanOrEqual(2);
    for (const text of partials) {
      expect(final.startsWith(text)).toBe(true);
      expect(text.length).toBeLessThan(final.length);
    }
    expect(await chat.input.inputValue()).toBe('');
    expect(await chat.inputHasFocus()).toBe(true);
    const usage = await chat.lastAnswer().getByTestId('token-usage').textContent();
    expect(usage).toMatch(/\d+ in · \d+ out · \d+ total/);
    await chat.screenshot(`${backend}-answer`);
  });

  it('offers in its model picker exactly the models the server allows', async () => {
    const { chat, server } = fixture;
    const response = await fetch(`${server.url}/api/models`);
    const allowed = (await response.json()) as {
      models: string[];
      defaultModel: string;
      emulator: boolean;
    };
    expect(allowed.emulator).toBe(true);
    expect(allowed.defaultModel).toBe(TEST_MODELS.answer);
    expect(allowed.models).toEqual(expect.arrayContaining(Object.values(TEST_MODELS)));
    expect(await chat.modelOptions()).toEqual(allowed.models);
    expect(await chat.model.inputValue()).toBe(allowed.defaultModel);
  });

  it('adds a new line with Shift+Enter and sends with Enter', async () => {
    const { chat, page } = fixture;
    await chat.input.focus();
    await page.keyboard.type('First line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    expect(await chat.input.inputValue()).toBe('First line\nsecond line');
    expect(await chat.userMessages.count()).toBe(0);

    await page.keyboard.press('Enter');
    await chat.waitForStatus('Answer complete.');
    expect(await chat.userMessages.last().textContent()).toContain('First line\nsecond line');
  });

  it('stops an answer mid-stream and keeps the text received so far', async () => {
    const { chat, page } = fixture;
    await chat.chooseModel(TEST_MODELS.slow);
    await chat.send('Tell me a long story about a lighthouse keeper and the sea.');
    const answer = chat.lastAnswer();
    await expect
      .poll(async () => (await answer.locator('.markdown').count()) > 0, { timeout: 5_000 })
      .toBe(true);
    await chat.waitForStatus('The assistant is answering…');

    await page.getByRole('button', { name: 'Stop' }).click();
    await chat.waitForStatus('Answer stopped.');
    expect(await chat.inputHasFocus()).toBe(true);
    expect(await answer.textContent()).toContain('Stopped.');
    const stoppedText = await answer.locator('.markdown').textContent();
    await page.waitForTimeout(600);
    expect(await answer.locator('.markdown').textContent()).toBe(stoppedText);
    await expect.poll(() => page.getByRole('button', { name: 'Send' }).count()).toBe(1);
    await chat.screenshot(`${backend}-stopped`);
  });

  it('stops an answer without sending the draft typed while it streamed', async () => {
    const { chat, page } = fixture;
    let chatRequests = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/chat')) chatRequests++;
    });
    await chat.chooseModel(TEST_MODELS.slow);
    await chat.send('Tell me a long story about a lighthouse keeper and the sea.');
    await chat.waitForStatus('The assistant is answering…');
    await chat.input.fill('A draft I am still writing');

    await page.getByRole('button', { name: 'Stop' }).click();
    await chat.waitForStatus('Answer stopped.');
    await page.waitForTimeout(500);
    expect(await chat.input.inputValue()).toBe('A draft I am still writing');
    expect(await chat.userMessages.count()).toBe(1);
    expect(await chat.answers.count()).toBe(1);
    expect(await chat.status.textContent()).toBe('Answer stopped.');
    expect(chatRequests).toBe(1);
  });

  it('regenerates the last answer as a new turn with its own trace id', async () => {
    const { chat, page } = fixture;
    await chat.send('Name three colours of the rainbow.');
    await chat.waitForStatus('Answer complete.');
    const firstTrace = await chat.lastAnswer().getByTestId('trace-id').textContent();

    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect
      .poll(() => chat.lastAnswer().getByTestId('trace-id').textContent(), { timeout: 10_000 })
      .not.toBe(firstTrace);
    await chat.waitForStatus('Answer complete.');
    expect(await chat.answers.count()).toBe(1);
    expect(await chat.userMessages.count()).toBe(1);
    expect(await chat.inputHasFocus()).toBe(true);
  });

  it('shows an error banner when the answer fails, and Retry recovers', async () => {
    const { chat } = fixture;
    await chat.chooseModel(TEST_MODELS.failing);
    await chat.send('This answer will break halfway.');
    await chat.errorBanner.waitFor({ timeout: 10_000 });
    expect(await chat.errorBanner.getAttribute('role')).toBe('alert');
    expect(await chat.status.textContent()).toBe('The answer failed.');
    expect(await chat.lastAnswer().textContent()).toContain('Cut off:');
    await chat.screenshot(`${backend}-error`);

    await chat.chooseModel(TEST_MODELS.answer);
    await chat.errorBanner.getByRole('button', { name: 'Retry' }).click();
    await chat.waitForStatus('Answer complete.');
    expect(await chat.errorBanner.count()).toBe(0);
    expect(await chat.answers.count()).toBe(1);
    expect(await chat.lastAnswer().textContent()).not.toContain('Cut off');
  });

  it('dismisses the error banner and gives the focus back to the message box', async () => {
    const { chat } = fixture;
    await chat.chooseModel(TEST_MODELS.failing);
    await chat.send('This answer will break halfway.');
    await chat.errorBanner.waitFor({ timeout: 10_000 });

    await chat.errorBanner.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => chat.errorBanner.count()).toBe(0);
    expect(await chat.inputHasFocus()).toBe(true);
  });

  it('sends an attached image and answers about it', async () => {
    const { chat, page } = fixture;
    await chat.imageInput.setInputFiles({
      name: 'red-square.png',
      mimeType: 'image/png',
      buffer: RED_SQUARE_PNG,
    });
    await page.getByRole('img', { name: 'Attachment to send' }).waitFor();
    await chat.send('What do you see in this picture?');

    await chat.waitForStatus('Answer complete.');
    const sent = chat.userMessages.last().getByRole('img', { name: 'Attachment 1' });
    expect(await sent.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await page.getByRole('img', { name: 'Attachment to send' }).count()).toBe(0);
    expect(await chat.lastAnswer().textContent()).toMatch(/\b1 image\b/);
    await chat.screenshot(`${backend}-image`);
  });

  it('shows the weather tool call and its result inline, then the answer', async () => {
    const { chat, page } = fixture;
    await chat.send("What's the weather in Lisbon today?");
    await chat.waitForStatus('Answer complete.', 15_000);

    const call = page.getByTestId('tool-call');
    expect(await call.count()).toBe(1);
    expect(await call.locator('.tool-call-name').textContent()).toBe('get_weather');
    expect(await call.locator('.tool-call-status').textContent()).toBe('done');
    expect(JSON.parse((await call.locator('.tool-call-args').textContent()) ?? '')).toMatchObject({
      city: 'Lisbon',
    });
    const result = JSON.parse((await call.getByTestId('tool-result').textContent()) ?? '');
    expect(result).toMatchObject({ city: 'Lisbon', temperature: expect.any(Number) });
    const answer = (await chat.lastAnswer().locator('.markdown').textContent()) ?? '';
    expect(answer).toContain('Lisbon');
    expect(answer).toContain(String(result.temperature));
    await chat.screenshot(`${backend}-tool`);
  });

  it('shows the trace id and span id the server logged for the turn', async () => {
    const { chat, server } = fixture;
    await chat.send('Hello there');
    await chat.waitForStatus('Answer complete.');
    const traceId = (await chat.lastAnswer().getByTestId('trace-id').textContent()) ?? '';
    expect(traceId).toMatch(/^[\w.:-]{8,}$/);
    const spanId = (await chat.lastAnswer().getByTestId('span-id').textContent()) ?? '';
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    await server.waitForOutput(traceId);
    await server.waitForOutput(spanId);
  });
}
