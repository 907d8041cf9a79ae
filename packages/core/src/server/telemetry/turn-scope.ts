import { AsyncLocalStorage } from 'node:async_hooks';
import type { TelemetrySpan } from '../../client/telemetry/otel-types.js';

/**
 * The span of the turn being served, for the steps that report how it ended; kept apart from
 * OpenTelemetry's own context so that it holds whichever context manager is registered.
 */
export const turnScope: AsyncLocalStorage<TelemetrySpan> = new AsyncLocalStorage<TelemetrySpan>();
