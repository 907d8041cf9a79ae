import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as functions } from '../../core/examples/functions.js';
import { type Emulator, startEmulator } from '../src/index.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

describe("core's examples against the emulator", () => {
  it('functions gets the weather in Boston through its tool and answers in a sentence', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await functions(emulator.url)).toBe("It's 22 °C and sunny and windy in Boston.");
    } finally {
      log.mockRestore();
    }
    const last = emulator.requests.at(-1)?.json as { messages: Array<{ content: string }> };
    expect(JSON.parse(last.messages.at(-1)?.content ?? '')).toMatchObject({
      location: 'Boston',
      temperature: 22,
    });
  });
});
