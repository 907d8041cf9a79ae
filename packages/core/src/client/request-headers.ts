import { checkRawHeader } from '../headers/header-value.js';
import { buildPortkeyHeaders, mergePortkeyOptions, type PortkeyOptions } from '../headers/index.js';
import type { RequestOptions } from './request-options.js';
import { newTraceId } from './trace-id.js';
import {
  type ActiveTraceContext,
  linkToActiveSpan,
  type TraceContextReader,
} from './tracing/active-trace-context.js';

const TRACE_ID_HEADER = 'x-portkey-trace-id';

function lowercaseNames(headers: Record<string, string> | undefined): Record<string, string> {
  const lowered: Record<string, string> = {};
  if (headers === undefined) return lowered;
  for (const [name, value] of Object.entries(headers)) {
    lowered[name.toLowerCase()] = checkRawHeader('defaultHeaders', name, value);
  }
  return lowered;
}

/** The headers of one call, and the trace id they carry. */
export interface CallHeaders {
  readonly headers: Record<string, string>;
  readonly traceId: string;
}

/**
 * Assembles the headers of each call. The client's part is built once; a call pays for
 * rebuilding Portkey headers only when it overrides a Portkey option.
 */
export class RequestHeaders {
  readonly #portkeyOptions: PortkeyOptions;
  readonly #fixed: Record<string, string>;
  readonly #json: Readonly<Record<string, string>>;
  readonly #eventStream: Readonly<Record<string, string>>;
  readonly #activeTrace: TraceContextReader | undefined;

  constructor(
    portkeyOptions: PortkeyOptions,
    defaultHeaders: Record<string, string> | undefined,
    activeTrace?: TraceContextReader,
  ) {
    this.#portkeyOptions = portkeyOptions;
    this.#activeTrace = activeTrace;
    this.#fixed = { 'content-type': 'application/json', ...lowercaseNames(defaultHeaders) };
    const client = { ...this.#fixed, ...buildPortkeyHeaders(portkeyOptions) };
    this.#json = Object.freeze({ accept: 'application/json', ...client });
    this.#eventStream = Object.freeze({ accept: 'text/event-stream', ...client });
  }

  /**
   * The headers of one call: the client's, this call's Portkey options, then its `headers`,
   * then the trace headers of the active span and of the call's own span (`callSpan`), when
   * it is recorded.
   */
  forCall(
    streaming: boolean,
    portkeyOverrides: PortkeyOptions | undefined,
    extra: RequestOptions['headers'],
    callSpan?: ActiveTraceContext,
  ): CallHeaders {
    let headers: Record<string, string>;
    if (portkeyOverrides === undefined) {
      headers = { ...(streaming ? this.#eventStream : this.#json) };
    } else {
      const merged = mergePortkeyOptions(this.#portkeyOptions, portkeyOverrides);
      headers = {
        accept: streaming ? 'text/event-stream' : 'application/json',
        ...this.#fixed,
        ...buildPortkeyHeaders(merged),
      };
    }
    if (extra !== undefined && extra !== null) {
      for (const [name, value] of Object.entries(extra)) {
        const lower = name.toLowerCase();
        if (value === null) delete headers[lower];
        else if (value !== undefined) headers[lower] = checkRawHeader('headers', name, value);
      }
    }
    if (this.#activeTrace !== undefined) {
      linkToActiveSpan(headers, this.#activeTrace(), callSpan);
    }
    let traceId = headers[TRACE_ID_HEADER];
    if (traceId === undefined) {
      traceId = newTraceId();
      headers[TRACE_ID_HEADER] = traceId;
    }
    return { headers, traceId };
  }
}
