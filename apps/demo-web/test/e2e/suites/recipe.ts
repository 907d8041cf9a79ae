import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import type { DemoFixture } from '../support/demo-fixture.js';

/** What the recipe card showed at one moment. */
interface CardState {
  title: string;
  steps: number;
  checked: boolean;
}

/** Starts recording every distinct state of the recipe card, to see it fill in. */
async function recordCardStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { cardStates: seen });
    const observer = new MutationObserver(() => {
      const card = document.querySelector('[data-testid="recipe-card"]');
      if (card === null) return;
      const state = JSON.stringify({
        title: card.querySelector('[data-testid="recipe-title"]')?.textContent ?? '',
        steps: card.querySelectorAll('[data-testid="recipe-steps"] li').length,
        checked: card.querySelector('[data-testid="recipe-checked"]') !== null,
      });
      if (seen.at(-1) !== state) seen.push(state);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function recordedCardStates(page: Page): Promise<CardState[]> {
  const states = await page.evaluate(
    () => (window as unknown as { cardStates: string[] }).cardStates,
  );
  return states.map((state) => JSON.parse(state) as CardState);
}

function recipeStatus(page: Page): Promise<string | null> {
  return page.getByTestId('recipe-status').textContent();
}

/** The recipe example: a structured answer shown as a card that fills in while it streams. */
export function recipeTests(fixture: DemoFixture): void {
  it('fills the recipe card in while it streams: the title before the last step, then checked', async () => {
    const { page } = fixture;
    await page.getByRole('button', { name: /Extract a recipe/ }).click();
    await expect.poll(() => page.getByLabel('Recipe text').inputValue()).toMatch(/pancakes/);
    await recordCardStates(page);
    await page.getByRole('button', { name: 'Extract', exact: true }).click();
    await expect
      .poll(() => recipeStatus(page), { timeout: 15_000 })
      .toBe('Recipe extracted and checked.');

    const states = await recordedCardStates(page);
    const final = states.at(-1);
    expect(final).toMatchObject({ title: 'Sunday pancakes', steps: 5, checked: true });
    expect(states.length).toBeGreaterThan(3);
    expect(states.some((state) => state.title !== '' && state.steps < 5 && !state.checked)).toBe(
      true,
    );
    expect(states.filter((state) => state.checked)).toHaveLength(1);
    const card = page.getByTestId('recipe-card');
    expect(await card.getByTestId('recipe-servings').textContent()).toBe('Serves 4');
    expect(await card.getByTestId('recipe-ingredients').textContent()).toContain(
      '200 g plain flour',
    );
  }, 30_000);

  it('Stop ends the extraction, keeps what arrived and does not check it', async () => {
    const { page } = fixture;
    await page.getByRole('button', { name: 'Recipe example' }).click();
    await page.getByRole('button', { name: 'Extract', exact: true }).click();
    await expect.poll(() => page.getByTestId('recipe-title').textContent()).not.toBe('');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => recipeStatus(page)).toBe('Extraction stopped.');
    expect(await page.getByTestId('recipe-title').textContent()).not.toBe('');
    expect(await page.getByTestId('recipe-checked').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Extract', exact: true }).isEnabled()).toBe(true);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the recipe view has no serious or critical axe violations in ${colorScheme} mode`, async () => {
      const { chat, page } = fixture;
      await page.emulateMedia({ colorScheme });
      await page.getByRole('button', { name: 'Recipe example' }).click();
      await page.getByLabel('Recipe text').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Extract', exact: true }).click();
      await expect
        .poll(() => recipeStatus(page), { timeout: 15_000 })
        .toBe('Recipe extracted and checked.');
      expect(await page.getByTestId('recipe-status').getAttribute('aria-live')).toBe('polite');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await chat.screenshot(`recipe-${colorScheme}`);
      await page.setViewportSize({ width: 390, height: 844 });
      const conversations = page.getByRole('navigation', { name: 'Conversations' });
      await expect.poll(() => conversations.isVisible()).toBe(false);
      await chat.screenshot(`recipe-${colorScheme}-phone`);
    }, 60_000);
  }
}
