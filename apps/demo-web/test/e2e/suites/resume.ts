import { expect, it, onTestFinished } from 'vitest';
import { type DemoFixture, TEST_MODELS } from '../support/demo-fixture.js';
import { startNetworkCut } from '../support/network-cut.js';

const QUESTION = 'Name three colours of the rainbow.';

/** Turns that outlive the page's connection: a reload, and the network dropping, mid-answer. */
export function resumeTests(fixture: DemoFixture): void {
  /** The answer's text once it has started streaming, slowly, on the scenario model. */
  async function startSlowAnswer(): Promise<void> {
    const { chat } = fixture;
    await chat.chooseModel(TEST_MODELS.slow);
    await chat.send(QUESTION);
    await expect
      .poll(async () => (await chat.lastAnswer().locator('.markdown').textContent()) ?? '', {
        timeout: 10_000,
      })
      .not.toBe('');
  }

  /** The same question answered without interruption, in a new conversation. */
  async function uninterruptedAnswer(): Promise<string> {
    const { chat, page } = fixture;
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await chat.send(QUESTION);
    await chat.waitForStatus('Answer complete.', 30_000);
    return (await chat.lastAnswer().locator('.markdown').textContent()) ?? '';
  }

  it('continues the answer after the page reloads mid-stream, with no gap and no repeat', async () => {
    const { chat, page } = fixture;
    await startSlowAnswer();
    const before = (await chat.lastAnswer().locator('.markdown').textContent()) ?? '';

    await page.reload();
    await chat.waitForStatus('Answer complete.', 30_000);
    const resumed = (await chat.lastAnswer().locator('.markdown').textContent()) ?? '';
    expect(resumed.startsWith(before)).toBe(true);
    expect(resumed.length).toBeGreaterThan(before.length);
    expect(await chat.userMessages.count()).toBe(1);
    expect(resumed).toBe(await uninterruptedAnswer());
  });

  it('shows that it is reconnecting while the network is down, then completes the answer with no gap and no repeat', async () => {
    const { chat, page, server } = fixture;
    // The page is opened through a relay, to cut the open stream as a dropped network does.
    const relay = await startNetworkCut(server.url);
    onTestFinished(() => relay.close());
    await page.goto(relay.url);
    await chat.waitForModels();
    await chat.recordAnswerTexts();
    await startSlowAnswer();
    const before = (await chat.lastAnswer().locator('.markdown').textContent()) ?? '';
    const network = page.context();
    try {
      await network.setOffline(true);
      relay.cut();
      await chat.waitForStatus('Connection lost. Reconnecting…', 15_000);
      expect(await page.getByTestId('connection-notice').isVisible()).toBe(true);
    } finally {
      await network.setOffline(false);
      relay.restore();
    }

    await chat.waitForStatus('Answer complete.', 30_000);
    const resumed = (await chat.lastAnswer().locator('.markdown').textContent()) ?? '';
    expect(resumed.startsWith(before)).toBe(true);
    expect(resumed.length).toBeGreaterThan(before.length);
    // Every text the answer showed on its way is the start of the final one: nothing repeated.
    for (const shown of await chat.recordedAnswerTexts()) {
      expect(resumed.startsWith(shown)).toBe(true);
    }
    expect(await chat.userMessages.count()).toBe(1);
    expect(resumed).toBe(await uninterruptedAnswer());
  }, 60_000);
}
