import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const screenshotDir = fileURLToPath(new URL('../../../screenshots/', import.meta.url));

/** The chat page as a user sees it: its controls found by their labels and roles. */
export class ChatPage {
  readonly input: Locator;
  readonly model: Locator;
  readonly systemPrompt: Locator;
  readonly imageInput: Locator;
  readonly answers: Locator;
  readonly userMessages: Locator;
  readonly status: Locator;
  readonly errorBanner: Locator;
  readonly settingsButton: Locator;
  readonly transcript: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByLabel('Message', { exact: true });
    this.model = page.getByLabel('Model', { exact: true });
    this.systemPrompt = page.getByLabel('System prompt');
    this.imageInput = page.getByLabel('Attach image');
    this.answers = page.getByTestId('assistant-message');
    this.userMessages = page.getByTestId('user-message');
    this.status = page.getByTestId('chat-status');
    this.errorBanner = page.getByTestId('error-banner');
    this.settingsButton = page.getByRole('button', { name: /Settings/ });
    this.transcript = page.locator('.transcript');
  }

  /** Opens the settings panel, unless it is open. */
  async openSettings(): Promise<void> {
    if ((await this.settingsButton.getAttribute('aria-expanded')) !== 'true') {
      await this.settingsButton.click();
    }
  }

  /** Picks a model in the settings panel, opening it first. */
  async chooseModel(model: string): Promise<void> {
    await this.openSettings();
    await this.model.selectOption(model);
  }

  /** Types `text` into the message box and presses Enter, as a keyboard user would. */
  async send(text: string): Promise<void> {
    await this.input.fill(text);
    await this.input.press('Enter');
  }

  lastAnswer(): Locator {
    return this.answers.last();
  }

  /** Waits until the live region announces `text`. */
  async waitForStatus(text: string, timeout = 10_000): Promise<void> {
    await expect.poll(() => this.status.textContent(), { timeout }).toBe(text);
  }

  /**
   * Starts recording every distinct text the newest answer shows, so that a test can see the
   * answer grow rather than only its end.
   */
  async recordAnswerTexts(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { answerTexts: seen });
      const observer = new MutationObserver(() => {
        const answers = document.querySelectorAll('[data-testid="assistant-message"] .markdown');
        const text = answers[answers.length - 1]?.textContent ?? '';
        if (text !== '' && seen.at(-1) !== text) seen.push(text);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }

  /** The texts recorded since {@link recordAnswerTexts}, oldest first. */
  recordedAnswerTexts(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { answerTexts: string[] }).answerTexts);
  }

  /** Waits until the model picker holds the list the server sent. */
  async waitForModels(timeout = 5_000): Promise<void> {
    await expect.poll(() => this.model.getAttribute('aria-busy'), { timeout }).toBe('false');
  }

  /** The values of the model picker's options, in order. */
  modelOptions(): Promise<string[]> {
    return this.model
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  }

  /** Whether the message box has the keyboard focus. */
  inputHasFocus(): Promise<boolean> {
    return this.input.evaluate((element) => element === document.activeElement);
  }

  /** How far, in pixels, the conversation is scrolled up from its end. */
  distanceFromBottom(): Promise<number> {
    return this.transcript.evaluate(
      (element) => element.scrollHeight - element.scrollTop - element.clientHeight,
    );
  }

  /** Saves a screenshot under `screenshots/` (not committed), or at `path` when given. */
  async screenshot(name: string, path?: string): Promise<void> {
    await mkdir(screenshotDir, { recursive: true });
    await this.page.screenshot({ path: path ?? `${screenshotDir}${name}.png`, fullPage: true });
  }
}
