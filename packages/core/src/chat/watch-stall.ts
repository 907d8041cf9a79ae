import type { ChatStateHolder } from './chat-state-holder.js';

/** The stall timer of one answer: restarted by every chunk, stopped when the answer ends. */
export interface StallWatch {
  restart(): void;
  stop(): void;
}

/**
 * Marks the chat `stalled` when no chunk arrived for `ms` while it waits for or streams an
 * answer; the next chunk makes it `streaming` again. A reconnect in progress is left as it is.
 */
export function watchStall(state: ChatStateHolder, ms: number): StallWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stall = () => {
    const { status } = state.current;
    if (status !== 'submitted' && status !== 'streaming') return;
    state.set({ status: 'stalled' });
    state.emit();
  };
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(stall, ms);
  };
  restart();
  return { restart, stop: () => clearTimeout(timer) };
}
