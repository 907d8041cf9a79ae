import { FRAMELESS_THROTTLE_MS } from './defaults.js';

/** Coalesces many change notifications into at most one per frame or interval. */
export interface Throttle {
  /** Asks for a run; calls made before the run happens share it. */
  schedule(): void;
  /** Drops a scheduled run (the caller is about to run at once). */
  cancel(): void;
}

/**
 * Creates a throttle around `run`. With `intervalMs` undefined, a run waits for the next
 * animation frame when `requestAnimationFrame` exists, else {@link FRAMELESS_THROTTLE_MS}; with `0`, every
 * `schedule()` runs at once; with a positive number, a run waits that many milliseconds.
 */
export function createThrottle(run: () => void, intervalMs: number | undefined): Throttle {
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    frame = undefined;
    timer = undefined;
    run();
  };
  return {
    schedule() {
      if (frame !== undefined || timer !== undefined) return;
      if (intervalMs === 0) return run();
      if (intervalMs === undefined && typeof requestAnimationFrame === 'function') {
        frame = requestAnimationFrame(fire);
      } else {
        timer = setTimeout(fire, intervalMs ?? FRAMELESS_THROTTLE_MS);
      }
    },
    cancel() {
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
      frame = undefined;
      timer = undefined;
    },
  };
}
