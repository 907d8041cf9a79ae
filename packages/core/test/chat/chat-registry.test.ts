import { describe, expect, it } from 'vitest';
import { type ChatStoreRef, getChatStore, resolveChatStore } from '../../src/chat/index.js';

/** Lets the timers of the next few turns of the event loop run. */
/**
 * Lets the registry's release timers run: each timer it sets is queued before the next one
 * chained here, so three turns cover "released after a turn, then aborted after another" however
 * late the timers fire on a busy machine.
 */
async function nextTurns(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('getChatStore', () => {
  it('returns one store per id and forgets it after its last user leaves', async () => {
    const first = getChatStore('registry-a', { initialInput: 'draft' });
    expect(getChatStore('registry-a')).toBe(first);
    expect(getChatStore('registry-b')).not.toBe(first);
    expect(first.id).toBe('registry-a');
    expect(first.getSnapshot().input).toBe('draft');

    const release = first.retain();
    release();
    const comeBack = first.retain();
    await nextTurns();
    expect(getChatStore('registry-a')).toBe(first);

    comeBack();
    await nextTurns();
    expect(getChatStore('registry-a')).not.toBe(first);
  });

  it('forgets a store that nobody retained within a turn, as after a render that never commits', async () => {
    const abandoned = getChatStore('registry-abandoned', { initialInput: 'left behind' });
    await nextTurns();
    const fresh = getChatStore('registry-abandoned');
    expect(fresh).not.toBe(abandoned);
    expect(fresh.getSnapshot().input).toBe('');
  });

  it('takes a forgotten store back when a late user retains it', async () => {
    const late = getChatStore('registry-late');
    await nextTurns();
    const release = late.retain();
    expect(getChatStore('registry-late')).toBe(late);
    release();
    await nextTurns();
    expect(getChatStore('registry-late')).not.toBe(late);
  });
});

describe('resolveChatStore', () => {
  it('gives each component its own store on a server, even with an id', () => {
    expect(typeof window).toBe('undefined');
    const own: ChatStoreRef = { current: undefined };
    const store = resolveChatStore({ id: 'registry-server', initialInput: 'mine' }, own);
    expect(own.current).toBe(store);
    expect(resolveChatStore({ id: 'registry-server' }, own)).toBe(store);
    expect(resolveChatStore({ id: 'registry-server' }, { current: undefined })).not.toBe(store);
    expect(store.getSnapshot().input).toBe('mine');
  });

  it('returns the registry’s store of the id where there is a window', async () => {
    const global = globalThis as { window?: unknown };
    global.window = globalThis;
    try {
      const first = resolveChatStore({ id: 'registry-window' }, { current: undefined });
      const second = resolveChatStore({ id: 'registry-window' }, { current: undefined });
      expect(second).toBe(first);
      expect(getChatStore('registry-window')).toBe(first);
    } finally {
      delete global.window;
    }
  });
});
