import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SSEEventTooLargeError } from '../../src/errors/index.js';
import { createSSEDecoder } from '../../src/sse/index.js';
import { decodeAllWays, decodePushed, decodeStream, toBytes } from './decode-both-ways.js';

const BOM = [0xef, 0xbb, 0xbf];
const EURO = [0xe2, 0x82, 0xac];

/** Byte runs of every kind: text, long lines, line ends, BOMs, split and invalid sequences. */
const run = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => toBytes(text)),
  fc.constantFrom('data: ', 'data:x', 'event: e', 'id: 1', ': c', '\n', '\r', '\r\n', '\n\n'),
  fc.integer({ min: 500, max: 1500 }).map((size) => toBytes(`data: ${'€y'.repeat(size)}`)),
  fc.constantFrom(BOM, EURO, EURO.slice(0, 2), [0xf0, 0x9f, 0x91], [0xff], [0xc3], [0x80, 0x80]),
  fc.uint8Array({ maxLength: 6 }),
);
const body = fc.array(run, { maxLength: 40 }).map((runs) => {
  const parts = runs.map((part) => toBytes(part));
  const bytes = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
});
/** Chunk sizes as networks deliver them: mostly a few bytes, now and then kilobytes. */
const chunkSizes = fc.array(
  fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1000, max: 5000 })),
  { minLength: 1, maxLength: 40 },
);

function chunk(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0, next = 0; offset < bytes.length; next++) {
    const end = Math.min(bytes.length, offset + sizes[next % sizes.length]!);
    chunks.push(bytes.subarray(offset, end));
    offset = end;
  }
  return chunks;
}

/** The events of the text a single TextDecoder makes of the bytes, keeping any leading BOM. */
function eventsOfReferenceText(bytes: Uint8Array) {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return decodePushed([text]);
}

describe('UTF-8 across chunks of every size', () => {
  it('decodes any body, however chunked, to the events of its TextDecoder text', async () => {
    await fc.assert(
      fc.asyncProperty(body, chunkSizes, async (bytes, sizes) => {
        const expected = eventsOfReferenceText(bytes);
        const chunks = chunk(bytes, sizes);
        expect(decodePushed(chunks)).toEqual(expected);
        expect(await decodeStream(chunks)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('completes a character split across chunks when a line end follows it at once', async () => {
    expect(await decodeAllWays(['data: ', EURO.slice(0, 2), [EURO[2]!, 0x0a, 0x0a]])).toEqual([
      { event: 'message', data: '€' },
    ]);
  });

  it('replaces a character cut short by a line end in a later chunk with U+FFFD', async () => {
    expect(await decodeAllWays(['data: ', [0xe2], [0x82], '\n\n'])).toEqual([
      { event: 'message', data: '\uFFFD' },
    ]);
  });

  it('replaces a character cut short by the start of a large chunk with U+FFFD', async () => {
    const long = 'x'.repeat(2000);
    expect(await decodeAllWays(['data: ', [0xf0, 0x9f], `${long}\n\n`])).toEqual([
      { event: 'message', data: `\uFFFD${long}` },
    ]);
  });

  it('completes a character whose first bytes end a large chunk', async () => {
    const long = 'x'.repeat(2000);
    const start = [...toBytes(`data: ${long}`), ...EURO.slice(0, 1)];
    expect(await decodeAllWays([start, [...EURO.slice(1), 0x0a, 0x0a]])).toEqual([
      { event: 'message', data: `${long}€` },
    ]);
  });

  it('completes a character whose first bytes waited for a large chunk', async () => {
    const long = 'x'.repeat(2000);
    expect(
      await decodeAllWays(['data: ', EURO.slice(0, 2), [EURO[2]!, ...toBytes(`${long}\n\n`)]]),
    ).toEqual([{ event: 'message', data: `€${long}` }]);
  });

  it('keeps a byte order mark that starts a later line, in small and large chunks', async () => {
    const later = ['data: a\n', BOM, 'data: b\n\n'];
    expect(await decodeAllWays(later)).toEqual([{ event: 'message', data: 'a' }]);
    const long = 'x'.repeat(2000);
    expect(await decodeAllWays([`data: ${long}\n`, [...BOM, ...toBytes('data: b\n\n')]])).toEqual([
      { event: 'message', data: long },
    ]);
  });

  it('drops a leading byte order mark followed by a large chunk', async () => {
    const long = 'x'.repeat(2000);
    expect(await decodeAllWays([BOM.slice(0, 1), BOM.slice(1), `data: ${long}\n\n`])).toEqual([
      { event: 'message', data: long },
    ]);
  });
});

describe('bytes waiting for a line end', () => {
  it('dispatches an event on the push that brings its blank line, with CR line ends', () => {
    const seen: string[] = [];
    const decoder = createSSEDecoder((event) => seen.push(event.data));
    for (const piece of ['da', 'ta', ': a', '\r']) decoder.push(toBytes(piece));
    expect(seen).toEqual([]);
    decoder.push(toBytes('\r'));
    expect(seen).toEqual(['a']);
    decoder.end();
  });

  it('rejects a line growing in small chunks on the push that passes maxEventBytes', () => {
    const decoder = createSSEDecoder(() => {}, { maxEventBytes: 64 });
    decoder.push(toBytes('data: '));
    let pushes = 0;
    const pushUntilRejected = () => {
      for (; pushes < 20; pushes++) decoder.push(toBytes('x'.repeat(10)));
    };
    expect(pushUntilRejected).toThrow(SSEEventTooLargeError);
    // 6 bytes of 'data: ' and 6 pushes make 66 bytes, the first total over 64.
    expect(pushes).toBe(5);
  });

  it('rejects bytes after a line end that alone pass maxEventBytes', () => {
    const decoder = createSSEDecoder(() => {}, { maxEventBytes: 16 });
    expect(() => decoder.push(toBytes(`data: a\n${'x'.repeat(20)}`))).toThrow(
      SSEEventTooLargeError,
    );
  });
});
