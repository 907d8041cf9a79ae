/**
 * One event dispatched from a `text/event-stream`, as the WHATWG HTML standard's "Interpreting
 * an event stream" defines it.
 */
export interface ServerSentEvent {
  /** The event type named by the last `event:` field of the event, or `'message'` when none. */
  event: string;
  /** The values of the event's `data:` fields, joined with `\n`. */
  data: string;
  /**
   * The stream's last event ID: the value of the most recent `id:` field seen so far in the
   * stream (it persists across events, and an empty `id:` clears it to `''`). Absent while the
   * stream has sent no `id:` field. An `id:` value containing U+0000 is ignored.
   */
  id?: string;
  /**
   * The reconnection time in milliseconds most recently set by a `retry:` field in the stream
   * (it persists across events). Absent while the stream has sent no valid `retry:` field; a
   * value that is not only ASCII digits is ignored.
   */
  retry?: number;
}
