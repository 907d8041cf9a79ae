/** One request the emulator received, kept for tests to inspect. */
export interface RecordedRequest {
  /** Position in arrival order, from 0. */
  readonly index: number;
  /** The HTTP method, e.g. `POST`. */
  readonly method: string;
  /** The path without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  /** The request target as sent, query string included. */
  readonly url: string;
  /** Header names in lowercase; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text (empty when there was none, partial when it was refused as too large). */
  body: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: unknown;
  /** When the request arrived (epoch ms). */
  readonly receivedAt: number;
  /** The status the emulator answered with, once it answered. */
  status: number | undefined;
  /** When the connection of this exchange closed (epoch ms), whoever closed it. */
  closedAt: number | undefined;
  /**
   * True when the client went away before the answer was complete, e.g. a caller aborting a
   * stream. A connection the emulator drops on purpose (`drop-connection`) does not count.
   */
  aborted: boolean;
}

/** The requests an emulator received, in order, with a way to wait for one. */
export class RequestLog {
  /** The recorded requests; the array is live and may be cleared by assigning `length = 0`. */
  readonly requests: RecordedRequest[] = [];
  readonly #waiters = new Set<() => void>();
  #count = 0;

  /** Starts recording a request. */
  open(fields: Pick<RecordedRequest, 'method' | 'path' | 'url' | 'headers'>): RecordedRequest {
    const record: RecordedRequest = {
      ...fields,
      index: this.#count++,
      body: '',
      json: undefined,
      receivedAt: Date.now(),
      status: undefined,
      closedAt: undefined,
      aborted: false,
    };
    this.requests.push(record);
    this.changed();
    return record;
  }

  /** Tells waiters that a record was added or updated. */
  changed(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  /**
   * Resolves with the first recorded request matching `predicate` (any request when omitted),
   * waiting for one to arrive or change; rejects after `timeoutMs`.
   */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedRequest> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.requests.find(predicate);
        if (!found) return false;
        this.#waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`No matching request arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.add(check);
      check();
    });
  }
}
