import type { Emulator } from '@chatwire/emulator';

type RecordedRequest = Emulator['requests'][number];

/** The calls that reached the upstream for the request with this trace id. */
export function upstreamCallsOf(emulator: Emulator, traceId: string): RecordedRequest[] {
  return emulator.requests.filter((request) => request.headers['x-portkey-trace-id'] === traceId);
}

/** The one upstream call made for the request with this trace id (waits for it to arrive). */
export function upstreamCallOf(emulator: Emulator, traceId: string): Promise<RecordedRequest> {
  return emulator.waitForRequest((request) => request.headers['x-portkey-trace-id'] === traceId);
}
