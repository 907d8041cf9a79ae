/** The parts of a valid W3C `traceparent` header. */
export interface TraceParent {
  /** 32 lowercase hex digits, not all zero. */
  readonly traceId: string;
  /** The caller's span: 16 lowercase hex digits, not all zero. */
  readonly parentId: string;
  /** The trace flags, 2 lowercase hex digits (`01` when the caller records the trace). */
  readonly flags: string;
}

// Version 00 is exactly these 55 characters; a later version may append `-` and more fields,
// which are not read (W3C Trace Context, "Versioning of traceparent").
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-[\x21-\x7e]*)?$/;
const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const ALL_ZEROS = /^0+$/;

/** Whether a value is a W3C trace-id: 32 lowercase hex digits, not all zero. */
export function isW3CTraceId(value: string): boolean {
  return TRACE_ID.test(value) && !ALL_ZEROS.test(value);
}

/** Whether a value is a W3C span id (a parent-id): 16 lowercase hex digits, not all zero. */
export function isW3CSpanId(value: string): boolean {
  return SPAN_ID.test(value) && !ALL_ZEROS.test(value);
}

/**
 * Reads a W3C `traceparent` header; `undefined` when it is not valid: version `ff`, version
 * `00` with anything after the flags, uppercase hex, a wrong length, an all-zero trace-id or
 * parent-id, or any character outside the format (a CR or LF included).
 */
export function parseTraceparent(value: string): TraceParent | undefined {
  const match = TRACEPARENT.exec(value);
  if (match === null) return undefined;
  const [, version, traceId = '', parentId = '', flags = '', rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(parentId)) return undefined;
  return { traceId, parentId, flags };
}

/** The version 00 `traceparent` of a span. */
export function formatTraceparent(traceId: string, spanId: string, flags: string): string {
  return `00-${traceId}-${spanId}-${flags}`;
}
