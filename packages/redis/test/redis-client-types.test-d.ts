import { createClient } from 'redis';
import { expectTypeOf, test } from 'vitest';
import { RedisTurnStore, type RedisTurnStoreOptions } from '../src/index.js';

test('a client made beforehand, with or without options of its own, is accepted', () => {
  const client = createClient({ url: 'redis://127.0.0.1:6379' });
  expectTypeOf(client).toExtend<RedisTurnStoreOptions['client']>();
  const resp2 = createClient({ url: 'redis://127.0.0.1:6379', RESP: 2 });
  expectTypeOf(resp2).toExtend<RedisTurnStoreOptions['client']>();
  expectTypeOf(RedisTurnStore).toBeConstructibleWith({ client });
});
