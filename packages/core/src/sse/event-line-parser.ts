import { SSEEventTooLargeError } from '../errors/sse-event-too-large-error.js';
import type { ServerSentEvent } from './server-sent-event.js';

const LF = 0x0a;
const SPACE = 0x20;
const COLON = 0x3a;

/** The `maxEventBytes` used when none is given: 16 MiB. */
export const DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024;

/**
 * The line-level state machine of "Interpreting an event stream" (WHATWG HTML), fed with text
 * already decoded from UTF-8. Both decoder front ends (async iteration and push) drive one of
 * these, so the two cannot disagree about the format.
 *
 * Text arrives in arbitrary pieces; the scanner works on each piece in place with `indexOf`
 * and only concatenates when a line spans pieces.
 */
export class EventLineParser {
  /** The start of a line whose terminator has not arrived yet. */
  private partialLine = '';
  /** The previous piece ended with CR, so an LF opening the next piece ends no line. */
  private skipLeadingLF = false;
  private data = '';
  private hasData = false;
  private eventType = '';
  private lastEventId: string | undefined = undefined;
  private reconnectionTime: number | undefined = undefined;
  /** Characters of the event being assembled, to enforce the size limit. */
  private eventSize = 0;

  constructor(
    private readonly emit: (event: ServerSentEvent) => void,
    private readonly maxEventSize: number,
  ) {}

  /** Parses the next piece of decoded text, emitting every event it completes. */
  feed(text: string): void {
    const length = text.length;
    let start = 0;
    if (this.skipLeadingLF) {
      if (length === 0) return;
      this.skipLeadingLF = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    // Positions of the next CR and LF at or after `start`; -1 once the piece has none left.
    // Each is searched again only after the scan passes it, so every character is looked at
    // once per terminator kind, and pieces without CR (the usual case) never search for it.
    let cr = text.indexOf('\r', start);
    let lf = text.indexOf('\n', start);

    if (this.partialLine !== '') {
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      if (end === -1) {
        this.partialLine += start === 0 ? text : text.slice(start);
        this.checkPartialLineSize();
        return;
      }
      const line = this.partialLine + text.slice(start, end);
      this.partialLine = '';
      this.parseLine(line, 0, line.length);
      start = this.afterTerminator(text, end);
      if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
      if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    }

    for (;;) {
      let end: number;
      if (cr === -1) {
        if (lf === -1) break;
        end = lf;
      } else {
        end = lf !== -1 && lf < cr ? lf : cr;
      }
      if (end === start) {
        this.dispatch();
      } else {
        this.parseLine(text, start, end);
      }
      if (end === lf) {
        start = end + 1;
        lf = text.indexOf('\n', start);
      } else {
        start = this.afterTerminator(text, end);
        cr = text.indexOf('\r', start);
        if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
      }
    }

    if (start < length) {
      this.partialLine = start === 0 ? text : text.slice(start);
      this.checkPartialLineSize();
    }
  }

  /**
   * Ends the stream: an event still missing its blank line is discarded, as the standard
   * requires, and the parser is ready for a new stream.
   */
  end(): void {
    this.partialLine = '';
    this.skipLeadingLF = false;
    this.resetEvent();
    this.lastEventId = undefined;
    this.reconnectionTime = undefined;
  }

  /** How many more characters the event being assembled may take before it is too large. */
  room(): number {
    return this.maxEventSize - this.eventSize - this.partialLine.length;
  }

  /** The position after the terminator at `end`, treating CR LF as one terminator. */
  private afterTerminator(text: string, end: number): number {
    if (text.charCodeAt(end) === LF) return end + 1;
    if (end + 1 === text.length) {
      this.skipLeadingLF = true;
      return end + 1;
    }
    return text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }

  private parseLine(line: string, start: number, end: number): void {
    if (start === end) {
      this.dispatch();
      return;
    }
    this.eventSize += end - start;
    if (this.eventSize > this.maxEventSize) this.tooLarge();

    const first = line.charCodeAt(start);
    if (first === COLON) return;

    if (
      first === 0x64 &&
      line.charCodeAt(start + 4) === COLON &&
      line.charCodeAt(start + 1) === 0x61 &&
      line.charCodeAt(start + 2) === 0x74 &&
      line.charCodeAt(start + 3) === 0x61
    ) {
      const valueStart = line.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5;
      this.appendData(valueStart < end ? line.slice(valueStart, end) : '');
      return;
    }

    let colon = line.indexOf(':', start);
    if (colon > end) colon = -1;
    let field: string;
    let value: string;
    if (colon === -1) {
      field = start === 0 && end === line.length ? line : line.slice(start, end);
      value = '';
    } else {
      field = line.slice(start, colon);
      const valueStart = line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
      value = valueStart < end ? line.slice(valueStart, end) : '';
    }
    this.applyField(field, value);
  }

  private appendData(value: string): void {
    if (this.hasData) {
      this.data = this.data + '\n' + value;
    } else {
      this.data = value;
      this.hasData = true;
    }
  }

  private applyField(field: string, value: string): void {
    switch (field) {
      case 'data':
        this.appendData(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (value.indexOf('\0') === -1) this.lastEventId = value;
        break;
      case 'retry':
        if (isAsciiDigits(value)) this.reconnectionTime = Number.parseInt(value, 10);
        break;
    }
  }

  private dispatch(): void {
    if (this.hasData) {
      const event = this.eventType === '' ? 'message' : this.eventType;
      const data = this.data;
      this.resetEvent();
      if (this.lastEventId === undefined && this.reconnectionTime === undefined) {
        this.emit({ event, data });
      } else {
        const dispatched: ServerSentEvent = { event, data };
        if (this.lastEventId !== undefined) dispatched.id = this.lastEventId;
        if (this.reconnectionTime !== undefined) dispatched.retry = this.reconnectionTime;
        this.emit(dispatched);
      }
    } else {
      this.resetEvent();
    }
  }

  private resetEvent(): void {
    this.data = '';
    this.hasData = false;
    this.eventType = '';
    this.eventSize = 0;
  }

  private checkPartialLineSize(): void {
    if (this.eventSize + this.partialLine.length > this.maxEventSize) this.tooLarge();
  }

  private tooLarge(): never {
    const limit = this.maxEventSize;
    this.end();
    throw new SSEEventTooLargeError(limit);
  }
}

function isAsciiDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}
