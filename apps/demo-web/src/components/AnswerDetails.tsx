import type { ChatMessage } from '@chatwire/react';
import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton.js';

/**
 * What Portkey reported about one answer: its trace id (to find it in Portkey's logs), token
 * usage, cache verdict and how long it took.
 */
export function AnswerDetails({ message }: { message: ChatMessage }): ReactNode {
  const { traceId, usage, cacheStatus, latencyMs, model, finishReason } = message;
  return (
    <dl className="answer-details" aria-label="Answer details">
      {traceId !== undefined && (
        <div className="detail detail-trace">
          <dt>Trace</dt>
          <dd>
            <code data-testid="trace-id">{traceId}</code>
            <CopyButton value={traceId} label="Copy trace id" />
          </dd>
        </div>
      )}
      {model !== undefined && (
        <div className="detail">
          <dt>Model</dt>
          <dd>{model}</dd>
        </div>
      )}
      {usage !== undefined && (
        <div className="detail">
          <dt>Tokens</dt>
          <dd data-testid="token-usage">
            {usage.prompt_tokens} in · {usage.completion_tokens} out · {usage.total_tokens} total
          </dd>
        </div>
      )}
      <div className="detail">
        <dt>Cache</dt>
        <dd>{cacheStatus ?? 'not reported'}</dd>
      </div>
      {latencyMs !== undefined && (
        <div className="detail">
          <dt>Latency</dt>
          <dd>{formatMs(latencyMs)}</dd>
        </div>
      )}
      {finishReason !== undefined && (
        <div className="detail">
          <dt>Finish</dt>
          <dd>{finishReason}</dd>
        </div>
      )}
    </dl>
  );
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
