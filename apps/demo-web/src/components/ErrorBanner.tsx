import type { ReactNode } from 'react';

/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  error: Error;
  onRetry: () => void;
  onDismiss: () => void;
}

/** Says why the last request failed, with a way to ask again. */
export function ErrorBanner({ error, onRetry, onDismiss }: ErrorBannerProps): ReactNode {
  const status = 'status' in error && typeof error.status === 'number' ? error.status : undefined;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <p>
        <strong>{status === undefined ? 'The answer failed' : `Error ${status}`}:</strong>{' '}
        {error.message}
      </p>
      <div className="error-actions">
        <button type="button" onClick={onRetry}>
          Retry
        </button>
        <button type="button" className="secondary" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
