import { describe, expect, it } from 'vitest';
import { readIncomingTraceId, traceIdFromTraceparent } from '../../src/server/incoming-trace-id.js';

const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('readIncomingTraceId', () => {
  it('takes the trace-id part of a traceparent header', () => {
    expect(readIncomingTraceId({ traceparent })).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('prefers traceparent over x-request-id over x-portkey-trace-id by default', () => {
    expect(
      readIncomingTraceId({ traceparent, 'x-request-id': 'req-1', 'x-portkey-trace-id': 'pk-1' }),
    ).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(readIncomingTraceId({ 'x-request-id': 'req-1', 'x-portkey-trace-id': 'pk-1' })).toBe(
      'req-1',
    );
    expect(readIncomingTraceId({ 'x-portkey-trace-id': 'pk-1' })).toBe('pk-1');
  });

  it('follows the configured order', () => {
    expect(
      readIncomingTraceId({ traceparent, 'x-request-id': 'req-1' }, [
        'x-request-id',
        'traceparent',
      ]),
    ).toBe('req-1');
    expect(readIncomingTraceId({ 'x-request-id': 'req-1' }, [])).toBeUndefined();
  });

  it('skips unsafe or oversized values and falls through to the next source', () => {
    expect(
      readIncomingTraceId({ 'x-request-id': 'a b<script>', 'x-portkey-trace-id': 'pk-2' }),
    ).toBe('pk-2');
    expect(readIncomingTraceId({ 'x-request-id': 'x'.repeat(129) })).toBeUndefined();
    expect(readIncomingTraceId({ 'x-request-id': 'x'.repeat(128) })).toBe('x'.repeat(128));
  });

  it('ignores invalid traceparent headers', () => {
    expect(traceIdFromTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBe(
      undefined,
    );
    expect(traceIdFromTraceparent('ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(
      undefined,
    );
    expect(traceIdFromTraceparent('garbage')).toBeUndefined();
  });
});
