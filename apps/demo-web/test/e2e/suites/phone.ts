import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import type { DemoFixture } from '../support/demo-fixture.js';

const PHONE = { width: 390, height: 844 };
const docsDir = fileURLToPath(new URL('../../../docs/', import.meta.url));

/** The words of the page's visible text that the browser split over two lines. */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('.chat') ?? document.body, 4);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/** The page on a 390 px wide phone. */
export function phoneTests(fixture: DemoFixture): void {
  it('fits a phone: settings and conversations folded away, no word broken, the message box usable', async () => {
    const { chat, page } = fixture;
    await page.setViewportSize(PHONE);
    expect(await chat.model.isVisible()).toBe(false);
    const list = page.getByRole('navigation', { name: 'Conversations' });
    await expect.poll(() => list.isVisible()).toBe(false);
    expect(await brokenWords(page)).toEqual([]);

    await chat.send('Explain in a few sentences why streamed answers feel faster.');
    await chat.waitForStatus('Answer complete.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(await brokenWords(page)).toEqual([]);
    const box = await chat.input.boundingBox();
    expect(box?.width).toBeGreaterThan(250);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);

    await page.getByRole('button', { name: 'Conversations' }).click();
    await expect.poll(() => list.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Close conversations' }).first().click();
    await expect.poll(() => list.isVisible()).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  // The two pictures of the README: one run is enough, and both demo apps serve the same page.
  if (fixture.backend === 'demo-express') {
    it('takes the README screenshots: a desktop in light mode and a phone in dark mode', async () => {
      const { chat, page } = fixture;
      await page.setViewportSize({ width: 1280, height: 800 });
      await chat.send("What's the weather in Paris?");
      await chat.waitForStatus('Answer complete.', 15_000);
      await chat.send('Show me some Markdown: a table, a list and code in TypeScript and Python.');
      await chat.waitForStatus('Answer complete.', 15_000);
      await chat.screenshot('desktop', `${docsDir}desktop.png`);

      await page.setViewportSize(PHONE);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForTimeout(200);
      await chat.screenshot('phone', `${docsDir}phone.png`);
    });
  }
}
