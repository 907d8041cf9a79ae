import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser.js';
import { ChatPage } from './chat-page.js';
import { type DemoBackend, type DemoServer, startDemoServer } from './demo-server.js';

/** The models the tests pick. */
export const TEST_MODELS = {
  answer: 'gpt-4o-mini',
  slow: 'scenario:slow-stream',
  failing: 'scenario:error-event',
  rateLimited: 'scenario:rate-limit',
} as const;

/**
 * The demo apps' settings for the tests: only the default model. On the emulator the apps
 * allow its scenario models by themselves.
 */
const DEMO_ENV = { CHAT_MODEL: TEST_MODELS.answer, CHAT_MODELS: '' };

/** What every browser test of one demo app works with; set before each test. */
export interface DemoFixture {
  readonly backend: DemoBackend;
  readonly server: DemoServer;
  readonly browser: TestBrowser;
  /** A fresh tab on the page, with no conversation saved. */
  readonly page: Page;
  readonly chat: ChatPage;
}

/**
 * Starts `backend` and a browser once for the enclosing `describe`, and opens the page in a new
 * tab, with the browser's saved conversations cleared, before each test.
 */
export function useDemoFixture(backend: DemoBackend): DemoFixture {
  const state = {} as { server: DemoServer; browser: TestBrowser; page: Page; chat: ChatPage };

  beforeAll(async () => {
    [state.server, state.browser] = await Promise.all([
      startDemoServer(backend, DEMO_ENV),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await Promise.all([state.browser?.close(), state.server?.close()]);
  });

  beforeEach(async () => {
    state.page = await state.browser.context.newPage();
    // Fail within the test's own timeout when something the test waits for never appears.
    state.page.setDefaultTimeout(8_000);
    await state.page.goto(state.server.url);
    await state.page.evaluate(() => localStorage.clear());
    await state.page.reload();
    state.chat = new ChatPage(state.page);
    await state.chat.waitForModels();
  });

  afterEach(async () => {
    await state.page.close();
  });

  return {
    backend,
    get server() {
      return state.server;
    },
    get browser() {
      return state.browser;
    },
    get page() {
      return state.page;
    },
    get chat() {
      return state.chat;
    },
  };
}
