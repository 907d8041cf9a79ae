import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Contender } from './react-chat-contenders.js';

/** What one streamed answer cost a contender. */
export interface RenderRun {
  renders: number;
  wallMs: number;
  cpuMs: number;
}

/**
 * Mounts the contender in a fresh root, lets it stream one answer of `tokens`, and measures
 * its renders, wall time and the process's CPU time until the answer is whole.
 */
export async function runContender(
  contender: Contender,
  tokens: readonly string[],
  timeoutMs: number,
): Promise<RenderRun> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  let renders = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${contender.name} did not finish`)), timeoutMs);
      root.render(
        createElement(contender.Component, {
          tokens,
          onRender: () => {
            renders++;
          },
          onDone: resolve,
        }),
      );
    });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const expected = tokens.join('');
    if (container.textContent !== expected) {
      throw new Error(
        `${contender.name} rendered ${container.textContent?.length} of ${expected.length} characters`,
      );
    }
    return { renders, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    clearTimeout(timer);
    root.unmount();
    container.remove();
  }
}
