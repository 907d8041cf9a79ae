/**
 * The browser tests of the chat page and the demo servers they run against, for the apps that
 * serve the page from outside this package (demo-next builds the page itself).
 */

export { type DemoBackend, type DemoServer, startDemoServer } from './demo-server.js';
export { describeDemo } from './demo-suite.js';
