import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../vitest.shared.js';

const shared = vitestConfig({ include: ['test/**/*.test.{ts,tsx}'] });

// The module runs on both of Nest's HTTP platforms, so the suite runs on each: every project
// provides its platform, on which test/support/nest-app.ts creates the application.
// The module and service tests start no HTTP server and run once.
const platformFree = ['test/chatwire-module.test.ts', 'test/chat-completions-service.test.ts'];

export default defineConfig({
  test: {
    ...shared.test,
    projects: [
      { extends: true, test: { name: 'Nest on Express', provide: { platform: 'Express' } } },
      {
        extends: true,
        test: { name: 'Nest on Fastify', provide: { platform: 'Fastify' }, exclude: platformFree },
      },
    ],
  },
});
