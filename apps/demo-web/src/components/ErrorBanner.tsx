import type { ReactNode } from 'react';
import type { ErrorDescription } from '../lib/error-text.js';
import { CopyButton } from './CopyButton.js';
import { Icon } from './Icon.js';

/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  error: ErrorDescription;
  onRetry: () => void;
  onDismiss: () => void;
}

function detailsText({ status, traceId, detail }: ErrorDescription): string {
  return [
    `Status: ${status ?? 'none'}`,
    `Trace id: ${traceId ?? 'none'}`,
    `Message: ${detail}`,
  ].join('\n');
}

/**
 * Says in plain words why the last answer failed, with Retry; the status, trace id and the
 * server's own message wait under "Details" for whoever investigates. It sits in the
 * conversation below the failed turn, so it never hides a message.
 */
export function ErrorBanner({ error, onRetry, onDismiss }: ErrorBannerProps): ReactNode {
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <p className="error-summary">{error.summary}</p>
      <details className="error-details">
        <summary>Details</summary>
        <dl>
          <dt>Status</dt>
          <dd data-testid="error-status">{error.status ?? 'none'}</dd>
          <dt>Trace id</dt>
          <dd>
            <code data-testid="error-trace-id">{error.traceId ?? 'none'}</code>
          </dd>
          <dt>Message</dt>
          <dd className="error-detail-message">{error.detail}</dd>
        </dl>
        <CopyButton value={detailsText(error)} label="Copy error details" />
      </details>
      <div className="error-actions">
        <button type="button" className="pill-button" onClick={onRetry}>
          <Icon name="retry" size={16} />
          Retry
        </button>
        <button type="button" className="ghost-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
