import { randomUUID } from 'node:crypto';
import type { HttpContext } from './http-context.js';
import type { PortkeyRequestOptions } from './portkey-validation.js';

/** What Portkey reports about how it answered: cache, retries and the answering target. */
export interface RoutingReport {
  /** `x-portkey-cache-status`: `HIT`, `MISS`, `REFRESH` or `DISABLED`. */
  cacheStatus: string;
  /** `x-portkey-retry-attempt-count`: retries made, or `-1` when all failed. */
  retryCount: number;
  /** `config`, or `config.targets[i]`. */
  targetPath: string;
}

/** Headers on every answer: a request id, plus Portkey's trace id and provider for a Portkey request. */
export function answerHeaders(
  ctx: HttpContext,
  options: PortkeyRequestOptions | undefined,
): Record<string, string> {
  const requestId = `req_${randomUUID().replaceAll('-', '')}`;
  if (!options) return { 'x-request-id': requestId };
  return {
    'x-request-id': requestId,
    'x-portkey-trace-id': ctx.headers['x-portkey-trace-id'] || randomUUID(),
    'x-portkey-provider': options.provider,
  };
}

/** Portkey's routing headers, for a Portkey request only. */
export function routingHeaders(
  options: PortkeyRequestOptions | undefined,
  report: RoutingReport,
): Record<string, string> {
  if (!options) return {};
  return {
    'x-portkey-cache-status': report.cacheStatus,
    'x-portkey-retry-attempt-count': String(report.retryCount),
    'x-portkey-last-used-option-index': report.targetPath,
  };
}
