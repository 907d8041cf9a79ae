import type { ChatCompletionWithMeta } from '../../client/index.js';
import type { ResponseSink } from '../edge/exchange.js';
import type { ChatRequestContext } from '../handler-options.js';
import { answerHeaders } from '../response-headers.js';
import type { FinishReport } from './finish-report.js';

/** The answer step for a whole completion: the upstream's JSON, status and Portkey headers. */
export async function answerJson<Req, Res>(
  context: ChatRequestContext<Req, Res>,
  response: ResponseSink<Res>,
  completion: ChatCompletionWithMeta,
  report: FinishReport<Req, Res>,
): Promise<void> {
  const meta = completion.meta;
  const headers = answerHeaders(meta, context.traceId);
  for (const name in headers) response.setHeader(name, headers[name]!);
  response.sendJson(meta.status, JSON.stringify(completion));
  await report.finish(context, {
    stream: false,
    status: meta.status,
    cacheStatus: meta.cacheStatus,
    aborted: false,
    completion,
    firstByteAt: performance.now(),
  });
}
