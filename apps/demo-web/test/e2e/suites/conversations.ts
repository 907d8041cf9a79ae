import { expect, it } from 'vitest';
import type { DemoFixture } from '../support/demo-fixture.js';

/** Several conversations kept in the browser: new, switch, rename, delete, and after a reload. */
export function conversationTests(fixture: DemoFixture): void {
  it('keeps several conversations in the browser: new, switch, rename, delete', async () => {
    const { chat, page } = fixture;
    const list = page.getByRole('navigation', { name: 'Conversations' });
    const items = list.getByTestId('conversation');

    await chat.send('Name three colours of the rainbow.');
    await chat.waitForStatus('Answer complete.');
    await list.getByRole('button', { name: 'New chat' }).click();
    expect(await chat.userMessages.count()).toBe(0);
    expect(await chat.inputHasFocus()).toBe(true);
    await chat.send('Name two planets.');
    await chat.waitForStatus('Answer complete.');
    expect(await items.count()).toBe(2);
    expect(await items.first().textContent()).toContain('Name two planets.');

    await list
      .getByRole('button', { name: 'Name three colours of the rainbow.', exact: true })
      .click();
    await expect
      .poll(() => chat.userMessages.first().textContent())
      .toContain('Name three colours of the rainbow.');
    expect(await chat.answers.count()).toBe(1);

    await list.getByRole('button', { name: 'Rename “Name three colours of the rainbow.”' }).click();
    const name = list.getByLabel('Conversation name');
    await name.fill('Rainbow');
    await name.press('Enter');
    expect(await list.getByRole('button', { name: 'Rainbow', exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Rainbow');

    await page.reload();
    await chat.waitForModels();
    expect(await items.count()).toBe(2);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Rainbow');
    expect(await chat.userMessages.first().textContent()).toContain('rainbow');
    expect(await chat.lastAnswer().getByTestId('trace-id').count()).toBe(1);

    await list.getByRole('button', { name: 'Delete “Rainbow”' }).click();
    expect(await items.count()).toBe(1);
    expect(await chat.userMessages.first().textContent()).toContain('Name two planets.');
  });
}
