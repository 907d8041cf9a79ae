import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePushed, decodeStream } from './decode-both-ways.js';

const encoder = new TextEncoder();

/** Lines drawn from every kind the format has, with every line end and multi-byte text. */
const line = fc.oneof(
  fc.constantFrom('', ':', ': ping', 'data', 'data:', 'event', 'id', 'retry: 10', 'retry: x'),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => `data: ${text}`),
  fc.string({ maxLength: 6 }).map((text) => `event: ${text}`),
  fc.string({ maxLength: 6 }).map((text) => `id: ${text}`),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const lineEnd = fc.constantFrom('\n', '\r', '\r\n');
const body = fc
  .array(fc.tuple(line, lineEnd), { maxLength: 30 })
  .map((lines) => encoder.encode(lines.map(([text, end]) => text + end).join('')));

/** Cuts bytes at the given offsets, which may fall between CR and LF or inside a character. */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const offsets = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const offset of offsets) {
    pieces.push(bytes.subarray(start, offset));
    start = offset;
  }
  pieces.push(bytes.subarray(start));
  return pieces;
}

describe('chunk boundaries', () => {
  it('any split of the same bytes yields the same events from decodeSSE', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.array(fc.nat(), { maxLength: 20 }), async (bytes, cuts) => {
        const whole = await decodeStream([bytes]);
        expect(await decodeStream(split(bytes, cuts))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('any split of the same bytes yields the same events from the push decoder', () => {
    fc.assert(
      fc.property(body, fc.array(fc.nat(), { maxLength: 20 }), (bytes, cuts) => {
        expect(decodePushed(split(bytes, cuts))).toEqual(decodePushed([bytes]));
      }),
      { numRuns: 300 },
    );
  });

  it('one byte at a time yields the same events as the whole body, in both front ends', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (bytes) => {
        const single = [...bytes].map((byte) => Uint8Array.of(byte));
        const whole = decodePushed([bytes]);
        expect(decodePushed(single)).toEqual(whole);
        expect(await decodeStream(single)).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});
