import { describe, expect, it } from 'vitest';
import { getChatStore } from '../../src/chat/index.js';

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
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(getChatStore('registry-a')).toBe(first);

    comeBack();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(getChatStore('registry-a')).not.toBe(first);
  });
});
