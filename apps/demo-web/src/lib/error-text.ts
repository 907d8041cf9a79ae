/** What the page tells a person about a failed answer, and what it keeps for a developer. */
export interface ErrorDescription {
  /** One sentence in plain words: what happened and what to do. */
  summary: string;
  /** The HTTP status, when the server answered with one. */
  status: number | undefined;
  /** Portkey's trace id of the failed request, to find it in the logs. */
  traceId: string | undefined;
  /** The error as the server or the library worded it. */
  detail: string;
}

const BY_STATUS: Readonly<Record<number, string>> = {
  400: 'The request was not accepted. Try rephrasing or starting a new chat.',
  401: 'The server could not sign in to the model provider. Check its API key.',
  403: 'The server is not allowed to use this model.',
  404: 'This model is not available.',
  408: 'The model took too long to answer. Try again.',
  412: 'The usage budget for this model is used up.',
  413: 'The message is too large. Try a shorter message or a smaller image.',
  429: 'The model is busy right now. Try again in a moment.',
  446: 'The message was blocked by a content guardrail.',
};

function summaryOf(status: number | undefined, error: Error): string {
  if (status !== undefined) {
    const known = BY_STATUS[status];
    if (known !== undefined) return known;
    if (status >= 500) return 'Something went wrong on the server. Try again in a moment.';
  }
  if (error.name === 'StreamTruncatedError' || status === undefined) {
    return /network|fetch|connect/i.test(error.message)
      ? 'The connection was lost. Check your network and try again.'
      : 'The answer was cut off before it finished. Try again.';
  }
  return 'The answer failed. Try again.';
}

function fieldOf(error: Error, name: string): unknown {
  return (error as unknown as Record<string, unknown>)[name];
}

/**
 * Describes a failed answer: a sentence for the person (a 429 is "The model is busy right
 * now…") and the status, trace id and original message for whoever investigates.
 * `fallbackTraceId` is the chat's trace id, for errors that do not carry one.
 */
export function describeError(error: Error, fallbackTraceId?: string): ErrorDescription {
  const status = fieldOf(error, 'status');
  const traceId = fieldOf(error, 'traceID');
  const knownStatus = typeof status === 'number' ? status : undefined;
  return {
    summary: summaryOf(knownStatus, error),
    status: knownStatus,
    traceId: typeof traceId === 'string' && traceId !== '' ? traceId : fallbackTraceId,
    detail: error.message,
  };
}
