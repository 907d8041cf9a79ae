import type { ChatMessage } from '@chatwire/react';
import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton.js';

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * What Portkey reported about one answer, in a quiet line under it: the trace id and span id (to
 * find the answer in Portkey's logs, the server's and its OpenTelemetry traces), token usage,
 * latency and the cache's verdict.
 */
export function AnswerFooter({ message }: { message: ChatMessage }): ReactNode {
  const { traceId, spanId, usage, cacheStatus, latencyMs, finishReason } = message;
  return (
    <dl className="answer-footer" aria-label="Answer details">
      {traceId !== undefined && (
        <div className="footer-item footer-trace">
          <dt>Trace</dt>
          <dd>
            <code data-testid="trace-id" title={traceId}>
              {traceId}
            </code>
            <CopyButton value={traceId} label="Copy trace id" showText={false} />
          </dd>
        </div>
      )}
      {spanId !== undefined && (
        <div className="footer-item footer-trace">
          <dt>Span</dt>
          <dd>
            <code data-testid="span-id" title={spanId}>
              {spanId}
            </code>
            <CopyButton value={spanId} label="Copy span id" showText={false} />
          </dd>
        </div>
      )}
      {usage !== undefined && (
        <div className="footer-item">
          <dt>Tokens</dt>
          <dd data-testid="token-usage">
            {usage.prompt_tokens} in · {usage.completion_tokens} out · {usage.total_tokens} total
          </dd>
        </div>
      )}
      {latencyMs !== undefined && (
        <div className="footer-item">
          <dt>Latency</dt>
          <dd>{formatMs(latencyMs)}</dd>
        </div>
      )}
      <div className="footer-item">
        <dt>Cache</dt>
        <dd>{cacheStatus ?? 'not reported'}</dd>
      </div>
      {finishReason === 'length' && (
        <div className="footer-item">
          <dt>Finish</dt>
          <dd>{finishReason}</dd>
        </div>
      )}
    </dl>
  );
}
