import type { ChatCompletionWithMeta } from '../../client/index.js';
import type { ChatRequestContext } from '../handler-options.js';
import { answerHeaders } from '../response-headers.js';
import { writeJson } from '../write-json-response.js';
import type { FinishReport } from './finish-report.js';

/** The answer step for a whole completion: the upstream's JSON, status and Portkey headers. */
export async function answerJson(
  context: ChatRequestContext,
  completion: ChatCompletionWithMeta,
  report: FinishReport,
): Promise<void> {
  const { response } = context;
  const meta = completion.meta;
  const headers = answerHeaders(meta, context.traceId);
  for (const name in headers) response.setHeader(name, headers[name]!);
  writeJson(response, meta.status, JSON.stringify(completion));
  await report.finish(context, {
    stream: false,
    status: meta.status,
    cacheStatus: meta.cacheStatus,
    aborted: false,
    completion,
    firstByteAt: performance.now(),
  });
}
