const LF = 0x0a;
const CR = 0x0d;

/**
 * Finds where events end in the raw bytes of a `text/event-stream`: just past each blank line,
 * with CR, LF and CR LF line ends, also when a line end is split across chunks. Bytes up to
 * such a point hold only whole events (and comments), so they can be passed on as they are
 * without leaving a receiver with half an event.
 */
export class EventBoundaryScanner {
  /** No byte of the current line has been seen yet. */
  #lineEmpty = true;
  /** The last byte scanned was a CR, so an LF opening the next chunk ends no line. */
  #afterCR = false;
  /** That CR ended a blank line: its LF, when it comes, belongs to the event it ended. */
  #blankLineAtCR = false;
  #chunk: Uint8Array | undefined;
  #chunkHasCR = false;

  /**
   * Returns the offset just past the first blank line in `bytes` at or after `from`, or -1 when
   * the rest of `bytes` holds none. Call it with the chunks of one stream in order, each chunk
   * scanned from the offset the previous call returned.
   */
  next(bytes: Uint8Array, from: number): number {
    if (bytes !== this.#chunk) {
      this.#chunk = bytes;
      this.#chunkHasCR = bytes.indexOf(CR) !== -1;
    }
    let start = from;
    if (this.#afterCR && start < bytes.length) {
      this.#afterCR = false;
      if (bytes[start] === LF) {
        start++;
        if (this.#blankLineAtCR) return start;
      }
    }
    return this.#chunkHasCR ? this.#nextAnyLineEnd(bytes, start) : this.#nextLF(bytes, start);
  }

  /** The usual case: every line ends with LF, so the native `indexOf` does the scanning. */
  #nextLF(bytes: Uint8Array, from: number): number {
    let start = from;
    for (;;) {
      const lf = bytes.indexOf(LF, start);
      if (lf === -1) {
        if (start < bytes.length) this.#lineEmpty = false;
        return -1;
      }
      const blank = this.#lineEmpty && lf === start;
      this.#lineEmpty = true;
      start = lf + 1;
      if (blank) return start;
    }
  }

  #nextAnyLineEnd(bytes: Uint8Array, from: number): number {
    const length = bytes.length;
    let index = from;
    while (index < length) {
      const byte = bytes[index++];
      if (byte !== LF && byte !== CR) {
        this.#lineEmpty = false;
        continue;
      }
      const blank = this.#lineEmpty;
      this.#lineEmpty = true;
      if (byte === CR) {
        if (index === length) {
          this.#afterCR = true;
          this.#blankLineAtCR = blank;
        } else if (bytes[index] === LF) index++;
      }
      if (blank) return index;
    }
    return -1;
  }
}
