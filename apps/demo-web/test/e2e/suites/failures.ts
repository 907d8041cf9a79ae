import { expect, it } from 'vitest';
import { type DemoFixture, TEST_MODELS } from '../support/demo-fixture.js';

/** Failed answers, told in plain words, with what a developer needs one click away. */
export function failureTests(fixture: DemoFixture): void {
  it('says in plain words that the model is busy, with status, trace id and Copy under Details, and the server logs that trace id', async () => {
    const { chat, page, server } = fixture;
    await fixture.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    await chat.chooseModel(TEST_MODELS.rateLimited);
    await chat.send('Are you there?');
    await chat.errorBanner.waitFor({ timeout: 10_000 });

    const banner = chat.errorBanner;
    expect(await banner.locator('.error-summary').textContent()).toBe(
      'The model is busy right now. Try again in a moment.',
    );
    expect(await banner.getByTestId('error-status').isVisible()).toBe(false);
    await banner.getByText('Details').click();
    expect(await banner.getByTestId('error-status').textContent()).toBe('429');
    const traceId = (await banner.getByTestId('error-trace-id').textContent()) ?? '';
    expect(traceId).toMatch(/^[\w.:-]{8,}$/);

    await banner.getByRole('button', { name: 'Copy error details' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Status: 429');
    expect(copied).toContain(`Trace id: ${traceId}`);
    await server.waitForOutput(traceId);
  });

  it('keeps the failed turn, its trace id and Retry on the page after Dismiss', async () => {
    const { chat, page } = fixture;
    await chat.chooseModel(TEST_MODELS.rateLimited);
    await chat.send('Are you there?');
    await chat.errorBanner.waitFor({ timeout: 10_000 });
    await chat.errorBanner.getByText('Details').click();
    const traceId = await chat.errorBanner.getByTestId('error-trace-id').textContent();

    await chat.errorBanner.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => chat.errorBanner.count()).toBe(0);
    const unanswered = page.getByTestId('unanswered');
    expect(await unanswered.getByTestId('unanswered-trace-id').textContent()).toBe(traceId);
    expect(await chat.userMessages.count()).toBe(1);

    await chat.chooseModel(TEST_MODELS.answer);
    await unanswered.getByRole('button', { name: 'Retry' }).click();
    await chat.waitForStatus('Answer complete.');
    expect(await chat.userMessages.count()).toBe(1);
    expect(await chat.answers.count()).toBe(1);
    expect(await unanswered.count()).toBe(0);
  });

  it('shows the error below the failed answer, never over it', async () => {
    const { chat } = fixture;
    await chat.chooseModel(TEST_MODELS.failing);
    await chat.send('This answer will break halfway.');
    await chat.errorBanner.waitFor({ timeout: 10_000 });

    const answerBox = await chat.lastAnswer().boundingBox();
    const bannerBox = await chat.errorBanner.boundingBox();
    const composerBox = await chat.input.boundingBox();
    if (answerBox === null || bannerBox === null || composerBox === null) {
      throw new Error('The answer, the banner and the message box should all be on screen.');
    }
    expect(bannerBox.y).toBeGreaterThanOrEqual(answerBox.y + answerBox.height);
    expect(bannerBox.y + bannerBox.height).toBeLessThanOrEqual(composerBox.y);
    expect(await chat.distanceFromBottom()).toBeLessThan(2);
  });
}
