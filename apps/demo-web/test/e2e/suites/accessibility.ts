import { expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { type DemoFixture, TEST_MODELS } from '../support/demo-fixture.js';

/** What axe-core finds, keyboard use and what a screen reader hears. */
export function accessibilityTests(fixture: DemoFixture): void {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations in ${colorScheme} mode, empty, answered and failed`, async () => {
      const { chat, page } = fixture;
      await page.emulateMedia({ colorScheme });
      expect(await seriousAxeViolations(page)).toEqual([]);

      await chat.send("What's the weather in Paris?");
      await chat.waitForStatus('Answer complete.', 15_000);
      await chat.openSettings();
      expect(await seriousAxeViolations(page)).toEqual([]);

      await chat.chooseModel(TEST_MODELS.rateLimited);
      await chat.send('Are you there?');
      await chat.errorBanner.waitFor({ timeout: 10_000 });
      await chat.errorBanner.getByText('Details').click();
      expect(await seriousAxeViolations(page)).toEqual([]);
    }, 60_000);
  }

  it('can be used from the keyboard alone and announces answers in a live region', async () => {
    const { chat, page } = fixture;
    expect(await chat.status.getAttribute('aria-live')).toBe('polite');
    expect(await chat.inputHasFocus()).toBe(true);
    await page.keyboard.type('Hello there');
    await page.keyboard.press('Enter');
    await chat.waitForStatus('Answer complete.');
    expect(await chat.inputHasFocus()).toBe(true);

    await chat.settingsButton.focus();
    await page.keyboard.press('Enter');
    expect(await chat.model.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await chat.model.evaluate((element) => element === document.activeElement)).toBe(true);
  });
}
