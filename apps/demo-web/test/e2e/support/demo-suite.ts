import { describe } from 'vitest';
import { accessibilityTests } from '../suites/accessibility.js';
import { chatTurnTests } from '../suites/chat-turns.js';
import { conversationTests } from '../suites/conversations.js';
import { failureTests } from '../suites/failures.js';
import { markdownTests } from '../suites/markdown.js';
import { pageLayoutTests } from '../suites/page-layout.js';
import { phoneTests } from '../suites/phone.js';
import { recipeTests } from '../suites/recipe.js';
import { resumeTests } from '../suites/resume.js';
import { useDemoFixture } from './demo-fixture.js';
import type { DemoBackend } from './demo-server.js';

/**
 * The browser tests of the chat page, run against one demo app: the same page and the same
 * expectations whichever framework serves the API.
 */
export function describeDemo(backend: DemoBackend): void {
  describe(`the chat page served by ${backend}`, () => {
    const fixture = useDemoFixture(backend);
    describe('chat turns', () => chatTurnTests(fixture));
    describe('page layout', () => pageLayoutTests(fixture));
    describe('Markdown answers', () => markdownTests(fixture));
    describe('failures', () => failureTests(fixture));
    describe('conversations', () => conversationTests(fixture));
    describe('accessibility', () => accessibilityTests(fixture));
    describe('on a phone', () => phoneTests(fixture));
    describe('the recipe example', () => recipeTests(fixture));
    describe('resumed turns', () => resumeTests(fixture));
  });
}
