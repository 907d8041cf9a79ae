import { describe, expect, it } from 'vitest';
import { decodeAllWays } from './decode-both-ways.js';

/** The rules of WHATWG HTML "Interpreting an event stream", one case each. */
describe('interpreting an event stream', () => {
  it('dispatches a data field as a message event', async () => {
    expect(await decodeAllWays(['data: hello\n\n'])).toEqual([{ event: 'message', data: 'hello' }]);
  });

  it('drops one leading byte order mark', async () => {
    expect(await decodeAllWays(['\uFEFFdata: a\n\n'])).toEqual([{ event: 'message', data: 'a' }]);
  });

  it('drops the byte order mark when its bytes arrive in separate chunks', async () => {
    expect(await decodeAllWays([[0xef], [0xbb], [0xbf], 'data: a\n\n'])).toEqual([
      { event: 'message', data: 'a' },
    ]);
  });

  it('keeps a second byte order mark as part of the field name', async () => {
    expect(await decodeAllWays(['\uFEFF\uFEFFdata: a\n\ndata: b\n\n'])).toEqual([
      { event: 'message', data: 'b' },
    ]);
  });

  it('ends lines at LF', async () => {
    expect(await decodeAllWays(['data: a\ndata: b\n\n'])).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('ends lines at CR', async () => {
    expect(await decodeAllWays(['data: a\rdata: b\r\r'])).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('ends lines at CRLF, counting the pair as one line end', async () => {
    expect(await decodeAllWays(['data: a\r\ndata: b\r\n\r\n'])).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('counts CRLF as one line end when CR and LF arrive in different chunks', async () => {
    expect(await decodeAllWays(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('dispatches on a CR at the end of a chunk followed by a CR in the next', async () => {
    expect(await decodeAllWays(['data: a\r', '\rdata: b\r\r'])).toEqual([
      { event: 'message', data: 'a' },
      { event: 'message', data: 'b' },
    ]);
  });

  it('ignores comment lines', async () => {
    expect(await decodeAllWays([': ping\ndata: a\n:\n\n'])).toEqual([
      { event: 'message', data: 'a' },
    ]);
  });

  it('does not dispatch an event made only of comments', async () => {
    expect(await decodeAllWays([': keep-alive\n\ndata: a\n\n'])).toEqual([
      { event: 'message', data: 'a' },
    ]);
  });

  it('takes a line without a colon as a field name with an empty value', async () => {
    expect(await decodeAllWays(['data\ndata\n\ndata\n\n'])).toEqual([
      { event: 'message', data: '\n' },
      { event: 'message', data: '' },
    ]);
  });

  it('strips exactly one leading space from a value', async () => {
    expect(await decodeAllWays(['data:  two\ndata:none\ndata: one \n\n'])).toEqual([
      { event: 'message', data: ' two\nnone\none ' },
    ]);
  });

  it('keeps colons after the first as part of the value', async () => {
    expect(await decodeAllWays(['data: a: b:c\n\n'])).toEqual([
      { event: 'message', data: 'a: b:c' },
    ]);
  });

  it('joins data lines with LF and removes the final LF', async () => {
    expect(await decodeAllWays(['data: 1\ndata:\ndata: 3\n\n'])).toEqual([
      { event: 'message', data: '1\n\n3' },
    ]);
  });

  it('dispatches a single empty data field as empty data', async () => {
    expect(await decodeAllWays(['data:\n\n'])).toEqual([{ event: 'message', data: '' }]);
  });

  it('does not dispatch an event whose data buffer is empty', async () => {
    expect(await decodeAllWays(['event: ping\n\nid: 1\n\nretry: 5\n\n\n\n'])).toEqual([]);
  });

  it('uses the event field as the event type', async () => {
    expect(await decodeAllWays(['event: delta\ndata: x\n\n'])).toEqual([
      { event: 'delta', data: 'x' },
    ]);
  });

  it('treats an empty event field as message', async () => {
    expect(await decodeAllWays(['event:\ndata: x\n\n'])).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('resets the event type after each dispatch', async () => {
    expect(await decodeAllWays(['event: a\ndata: 1\n\ndata: 2\n\n'])).toEqual([
      { event: 'a', data: '1' },
      { event: 'message', data: '2' },
    ]);
  });

  it('resets the event type after a blank line that dispatches nothing', async () => {
    expect(await decodeAllWays(['event: a\n\ndata: 2\n\n'])).toEqual([
      { event: 'message', data: '2' },
    ]);
  });

  it('keeps the last event id across later events', async () => {
    expect(await decodeAllWays(['id: 7\ndata: a\n\ndata: b\n\nid: 8\ndata: c\n\n'])).toEqual([
      { event: 'message', data: 'a', id: '7' },
      { event: 'message', data: 'b', id: '7' },
      { event: 'message', data: 'c', id: '8' },
    ]);
  });

  it('sets the last event id even from an event that is not dispatched', async () => {
    expect(await decodeAllWays(['id: 3\n\ndata: a\n\n'])).toEqual([
      { event: 'message', data: 'a', id: '3' },
    ]);
  });

  it('clears the last event id with an empty id field', async () => {
    expect(await decodeAllWays(['id: 3\ndata: a\n\nid\ndata: b\n\n'])).toEqual([
      { event: 'message', data: 'a', id: '3' },
      { event: 'message', data: 'b', id: '' },
    ]);
  });

  it('ignores an id containing NUL', async () => {
    expect(await decodeAllWays(['id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n'])).toEqual([
      { event: 'message', data: 'a', id: '1' },
      { event: 'message', data: 'b', id: '1' },
    ]);
  });

  it('accepts a retry of ASCII digits only', async () => {
    expect(
      await decodeAllWays([
        'retry: 1500\ndata: a\n\nretry: 2x\ndata: b\n\nretry: -3\nretry: \nretry: 1.5\ndata: c\n\n',
      ]),
    ).toEqual([
      { event: 'message', data: 'a', retry: 1500 },
      { event: 'message', data: 'b', retry: 1500 },
      { event: 'message', data: 'c', retry: 1500 },
    ]);
  });

  it('ignores unknown fields', async () => {
    expect(await decodeAllWays(['foo: bar\nDATA: x\ndata : y\ndata: z\n\n'])).toEqual([
      { event: 'message', data: 'z' },
    ]);
  });

  it('discards an event left unterminated at the end of the stream', async () => {
    expect(await decodeAllWays(['data: a\n\ndata: b\n'])).toEqual([
      { event: 'message', data: 'a' },
    ]);
    expect(await decodeAllWays(['data: a\n\ndata: b'])).toEqual([{ event: 'message', data: 'a' }]);
  });

  it('decodes invalid UTF-8 to U+FFFD', async () => {
    expect(
      await decodeAllWays([[0x64, 0x61, 0x74, 0x61, 0x3a, 0x20, 0xff, 0x41, 0xc3, 0x0a, 0x0a]]),
    ).toEqual([{ event: 'message', data: '\uFFFDA\uFFFD' }]);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const euro = [0xe2, 0x82, 0xac];
    expect(await decodeAllWays(['data: ', euro.slice(0, 1), euro.slice(1), '\n\n'])).toEqual([
      { event: 'message', data: '€' },
    ]);
  });

  it('decodes a truncated character at the very end to U+FFFD without dispatching it', async () => {
    expect(await decodeAllWays(['data: a\n\ndata: ', [0xe2, 0x82]])).toEqual([
      { event: 'message', data: 'a' },
    ]);
  });

  it('ignores empty chunks', async () => {
    expect(await decodeAllWays(['', 'data: a\r', '', '\n\n', ''])).toEqual([
      { event: 'message', data: 'a' },
    ]);
  });
});
