import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Contender } from './react-chat-contenders.js';
import { currentFrame } from './react-dom-env.js';

/** What one streamed answer cost a contender. */
export interface RenderRun {
  /** Every render, from mounting to the whole answer. */
  renders: number;
  /** The most renders within one animation frame while the answer was partly shown. */
  maxRendersPerFrame: number;
  wallMs: number;
  cpuMs: number;
}

/**
 * Mounts the contender in a fresh root, lets it stream one answer of `tokens`, and measures
 * its renders (all of them, and the most within one animation frame while streaming), wall
 * time and the process's CPU time until the answer is whole.
 */
export async function runContender(
  contender: Contender,
  tokens: readonly string[],
  timeoutMs: number,
): Promise<RenderRun> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const expected = tokens.join('');
  let renders = 0;
  const streamingRendersByFrame = new Map<number, number>();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${contender.name} did not finish`)), timeoutMs);
      root.render(
        createElement(contender.Component, {
          tokens,
          onRender: (answer: string) => {
            renders++;
            if (answer.length === 0 || answer.length === expected.length) return;
            const frame = currentFrame();
            streamingRendersByFrame.set(frame, (streamingRendersByFrame.get(frame) ?? 0) + 1);
          },
          onDone: resolve,
        }),
      );
    });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    if (container.textContent !== expected) {
      throw new Error(
        `${contender.name} rendered ${container.textContent?.length} of ${expected.length} characters`,
      );
    }
    return {
      renders,
      maxRendersPerFrame: Math.max(0, ...streamingRendersByFrame.values()),
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  } finally {
    clearTimeout(timer);
    root.unmount();
    container.remove();
  }
}
