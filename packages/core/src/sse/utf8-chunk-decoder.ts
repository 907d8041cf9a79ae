import { EventLineParser } from './event-line-parser.js';
import type { ServerSentEvent } from './server-sent-event.js';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Chunks at least this long are decoded as they come. Shorter ones (a network body often
 * arrives a few dozen bytes at a time) are held back until a line end arrives, so that a line
 * costs one UTF-8 decode instead of one per chunk.
 */
const SMALL_CHUNK_BYTES = 1024;
/**
 * Runs up to this long decode faster on their own, without streaming; longer ones decode
 * faster with the streaming decoder, whose cost per call is higher but per byte lower.
 */
const WHOLE_RUN_MAX_BYTES = 256;
/** The most bytes held back; beyond it they are decoded even without a line end. */
const HELD_BYTES_CAPACITY = 8 * 1024;

const STREAMING: TextDecodeOptions = { stream: true };
const BYTE_ORDER_MARK = 0xfeff;

/**
 * Decodes the UTF-8 byte chunks of a `text/event-stream` into text and feeds it to an
 * {@link EventLineParser}, which turns the lines into events. Both decoder front ends (async
 * iteration and push) use one.
 *
 * The text is the same as one streaming `TextDecoder` would make of all the bytes, however
 * they are split or held back. A short run of bytes that ends at a character boundary, as
 * bytes up to a line end do, is decoded on its own, without streaming, which is faster for
 * short runs. Other runs go to a streaming decoder, which keeps the first bytes of a character
 * cut at the end of a run for the next one; runs then stay with it until one ends at a
 * boundary again.
 */
export class Utf8ChunkDecoder {
  private readonly parser: EventLineParser;
  /** Decodes runs of bytes that start and end at character boundaries. */
  private readonly wholeDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Decodes runs that may stop inside a character, keeping its first bytes for the next run. */
  private readonly streamDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The stream decoder may be holding the first bytes of a character. */
  private midCharacter = false;
  /** No text decoded yet, so a leading byte order mark is still to be dropped. */
  private atStart = true;
  /** Bytes after the last line end seen, not yet decoded; allocated on first use. */
  private held: Uint8Array | undefined;
  private heldLength = 0;
  /**
   * How many bytes may be held: at most the buffer's size, and no more than the parser has
   * room for. Held bytes decode to no more characters than there are bytes, so decoding them
   * later cannot miss the moment an event grows too large. Updated after the parser is fed.
   */
  private holdLimit = 0;

  constructor(emit: (event: ServerSentEvent) => void, maxEventSize: number) {
    this.parser = new EventLineParser(emit, maxEventSize);
  }

  /** Decodes the next bytes, emitting every event they complete before returning. */
  push(bytes: Uint8Array): void {
    const length = bytes.length;
    if (length === 0) return;
    if (length >= SMALL_CHUNK_BYTES) {
      this.decodeHeld();
      this.feed(this.decodeRun(bytes));
      return;
    }
    // Most small chunks end here; the rest is in another method to keep this one short enough
    // for engines to inline.
    const lineEnd = lastLineEnd(bytes);
    const heldLength = this.heldLength;
    if (lineEnd === -1 && heldLength + length <= this.holdLimit) {
      this.held!.set(bytes, heldLength);
      this.heldLength = heldLength + length;
      return;
    }
    this.pushSmall(bytes, lineEnd);
  }

  /**
   * Ends the stream: bytes of an unfinished character decode to U+FFFD, and an event still
   * missing its blank line is discarded, as the standard requires.
   */
  end(): void {
    const held = this.heldLength === 0 ? undefined : this.held!.subarray(0, this.heldLength);
    this.heldLength = 0;
    let text = '';
    if (this.midCharacter) {
      this.midCharacter = false;
      text = this.streamDecoder.decode(held);
    } else if (held !== undefined) {
      text = this.wholeDecoder.decode(held);
    }
    this.feed(text);
    this.parser.end();
  }

  /**
   * Takes a small chunk that brings a line end (at `lineEnd`, the last one) or does not fit
   * behind the held bytes.
   */
  private pushSmall(bytes: Uint8Array, lineEnd: number): void {
    if (this.held === undefined) {
      this.held = new Uint8Array(HELD_BYTES_CAPACITY);
      this.updateHoldLimit();
    }
    const held = this.held;
    const length = bytes.length;
    const heldLength = this.heldLength;
    if (lineEnd === -1) {
      if (heldLength + length <= this.holdLimit) {
        held.set(bytes, heldLength);
        this.heldLength = heldLength + length;
        return;
      }
      this.decodeHeld();
      this.feed(this.decodeRun(bytes));
      return;
    }
    // The bytes through the line end are decoded now; those after it wait for the rest of
    // their line.
    const throughLineEnd = lineEnd + 1;
    const restLength = length - throughLineEnd;
    if (heldLength === 0 && restLength === 0) {
      this.feed(this.decodeRun(bytes));
      return;
    }
    if (heldLength + length > HELD_BYTES_CAPACITY) {
      this.decodeHeld();
      this.feed(this.decodeRun(bytes.subarray(0, throughLineEnd)));
      if (restLength === 0) return;
      if (restLength <= this.holdLimit) {
        held.set(bytes.subarray(throughLineEnd));
        this.heldLength = restLength;
      } else {
        this.feed(this.decodeRun(bytes.subarray(throughLineEnd)));
      }
      return;
    }
    // Copying the whole chunk behind the held bytes costs less than slicing it in two.
    held.set(bytes, heldLength);
    const restAt = heldLength + throughLineEnd;
    this.heldLength = 0;
    this.feed(this.decodeRun(held.subarray(0, restAt)));
    if (restLength === 0) return;
    if (restLength <= this.holdLimit) {
      held.copyWithin(0, restAt, restAt + restLength);
      this.heldLength = restLength;
    } else {
      this.feed(this.decodeRun(held.subarray(restAt, restAt + restLength)));
    }
  }

  private decodeHeld(): void {
    const heldLength = this.heldLength;
    if (heldLength === 0) return;
    this.heldLength = 0;
    this.feed(this.decodeRun(this.held!.subarray(0, heldLength)));
  }

  /** Decodes the next bytes of the stream, `bytes` not being empty. */
  private decodeRun(bytes: Uint8Array): string {
    const length = bytes.length;
    // A run ending in an ASCII byte ends at a character boundary.
    const endsAtBoundary = bytes[length - 1]! < 0x80;
    if (!this.midCharacter && endsAtBoundary && length <= WHOLE_RUN_MAX_BYTES) {
      return this.wholeDecoder.decode(bytes);
    }
    this.midCharacter = !endsAtBoundary;
    return this.streamDecoder.decode(bytes, STREAMING);
  }

  private feed(text: string): void {
    if (this.atStart) {
      if (text.length === 0) return;
      this.atStart = false;
      if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
    }
    try {
      this.parser.feed(text);
    } finally {
      this.updateHoldLimit();
    }
  }

  private updateHoldLimit(): void {
    if (this.held !== undefined) this.holdLimit = Math.min(HELD_BYTES_CAPACITY, this.parser.room());
  }
}

/** The index of the last CR or LF in `bytes`, or -1 when it has none. */
function lastLineEnd(bytes: Uint8Array): number {
  for (let index = bytes.length - 1; index >= 0; index--) {
    const byte = bytes[index]!;
    // One comparison rules out almost every byte of text.
    if (byte <= CR && (byte === LF || byte === CR)) return index;
  }
  return -1;
}
