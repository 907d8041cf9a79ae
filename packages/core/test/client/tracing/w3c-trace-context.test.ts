import { describe, expect, it } from 'vitest';
import { newSpanId } from '../../../src/client/tracing/span-id.js';
import {
  formatTraceparent,
  parseTraceparent,
} from '../../../src/client/tracing/w3c-trace-context.js';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const parentId = '00f067aa0ba902b7';
const valid = `00-${traceId}-${parentId}-01`;

describe('parseTraceparent', () => {
  it('reads the trace-id, parent-id and flags of a version 00 header', () => {
    expect(parseTraceparent(valid)).toEqual({ traceId, parentId, flags: '01' });
    expect(parseTraceparent(`00-${traceId}-${parentId}-00`)?.flags).toBe('00');
  });

  it('reads the known fields of a later version and ignores the fields it appends', () => {
    expect(parseTraceparent(`01-${traceId}-${parentId}-01-what-comes-next`)).toEqual({
      traceId,
      parentId,
      flags: '01',
    });
  });

  it.each([
    ['a trace-id one digit short', `00-${traceId.slice(1)}-${parentId}-01`],
    ['a parent-id one digit long', `00-${traceId}-${parentId}0-01`],
    ['uppercase hex', `00-${traceId.toUpperCase()}-${parentId}-01`],
    ['an all-zero trace-id', `00-${'0'.repeat(32)}-${parentId}-01`],
    ['an all-zero parent-id', `00-${traceId}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${traceId}-${parentId}-01`],
    ['version 00 with more after the flags', `${valid}-extra`],
    ['a CR LF and another header after it', `${valid}\r\nx-portkey-api-key: stolen`],
    ['a LF inside', `00-${traceId}\n-${parentId}-01`],
    ['a later version with a space after the flags', `01-${traceId}-${parentId}-01- x`],
    ['an empty value', ''],
    ['a non-hex value', `00-${'g'.repeat(32)}-${parentId}-01`],
  ])('refuses %s', (_, value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });

  it('formats a span as a version 00 header it can read back', () => {
    const spanId = newSpanId();
    expect(parseTraceparent(formatTraceparent(traceId, spanId, '01'))).toEqual({
      traceId,
      parentId: spanId,
      flags: '01',
    });
  });
});

describe('newSpanId', () => {
  it('makes 16 lowercase hex digits, different each time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newSpanId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});
