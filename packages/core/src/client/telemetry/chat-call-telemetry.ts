import { StreamTruncatedError } from '../../errors/stream-truncated-error.js';
import type { ChatCompletion, ChatCompletionCreateParams } from '../../types/index.js';
import type { CallObserver } from '../call-observer.js';
import type { PortkeyResponseMeta } from '../response-meta.js';
import type { ActiveTraceContext } from '../tracing/active-trace-context.js';
import { errorType } from './error-type.js';
import { inputContentAttributes, outputContentAttributes } from './gen-ai-messages.js';
import type { GenAiClientMetrics } from './gen-ai-metrics.js';
import { responseAttributes } from './gen-ai-response-attributes.js';
import { STATUS_ERROR, type TelemetryAttributes, type TelemetrySpan } from './otel-types.js';
import { providerName } from './provider-name.js';

/** Where the gateway is: `server.address` and `server.port`. */
export interface GatewayAddress {
  readonly address: string;
  readonly port: number;
}

/** What one call's telemetry records into. */
export interface CallRecorders {
  /** The call's span; `undefined` when it is not recorded (no SDK, or sampled out). */
  readonly span: TelemetrySpan | undefined;
  readonly metrics: GenAiClientMetrics;
  readonly recordContent: boolean;
  readonly server: GatewayAddress;
}

function seconds(from: number): number {
  return (performance.now() - from) / 1000;
}

function hex(flags: number): string {
  return (flags & 0xff).toString(16).padStart(2, '0');
}

/**
 * The telemetry of one chat call: its span (attributes, retries, first chunk, outcome) and its
 * measurements, ended once, when the answer is whole or the call failed (for a stream, when it
 * was read to its end, failed or was aborted).
 */
export class ChatCallTelemetry implements CallObserver {
  readonly #span: TelemetrySpan | undefined;
  readonly #recorders: CallRecorders;
  readonly #startedAt = performance.now();
  readonly #model: string;
  #provider = 'portkey';
  #responseModel: string | undefined;
  #resends = 0;
  #ended = false;

  constructor(body: ChatCompletionCreateParams, recorders: CallRecorders) {
    this.#recorders = recorders;
    this.#span = recorders.span;
    this.#model = body.model;
    if (this.#span !== undefined && recorders.recordContent) {
      this.#span.setAttributes(inputContentAttributes(body));
    }
  }

  /** The span the call is, for its `traceparent`; `undefined` when it is not recorded. */
  get spanContext(): ActiveTraceContext | undefined {
    if (this.#span === undefined) return undefined;
    const { traceId, spanId, traceFlags } = this.#span.spanContext();
    return { traceId, spanId, flags: hex(traceFlags) };
  }

  /** Records where the call went: its provider, and its ids in Portkey's trace. */
  sending(headers: Readonly<Record<string, string>>): void {
    const provider = providerName(headers['x-portkey-provider']);
    this.#provider = provider;
    this.#span?.setAttributes({
      'gen_ai.provider.name': provider,
      'portkey.trace_id': headers['x-portkey-trace-id'],
      'portkey.span_id': headers['x-portkey-span-id'],
      'portkey.parent_span_id': headers['x-portkey-parent-span-id'],
    });
  }

  /**
   * Follows the call's answer: a whole completion ends the telemetry, a stream only once it has
   * been read (it tells {@link answered} or {@link failed} itself); a failure ends it.
   */
  watch<T extends { readonly meta: PortkeyResponseMeta }>(
    answer: Promise<T>,
    streaming: boolean,
  ): Promise<T> {
    return answer.then(
      (value) => {
        this.#responded(value.meta);
        if (!streaming) this.answered(value as unknown as ChatCompletion);
        return value;
      },
      (error: unknown) => {
        this.failed(error);
        throw error;
      },
    );
  }

  retrying(cause: unknown): void {
    this.#resends++;
    this.#span?.addEvent('chatwire.retry', {
      'http.request.resend_count': this.#resends,
      'error.type': typeof cause === 'number' ? String(cause) : errorType(cause),
    });
  }

  /** The response headers arrived (for a stream, before its body). */
  #responded(meta: PortkeyResponseMeta): void {
    if (this.#span === undefined) return;
    this.#span.setAttributes({
      'portkey.trace_id': meta.traceId ?? undefined,
      'portkey.cache_status': meta.cacheStatus ?? undefined,
      'http.response.status_code': meta.status,
    });
  }

  firstChunk(): void {
    const elapsed = seconds(this.#startedAt);
    this.#span?.setAttribute('gen_ai.response.time_to_first_chunk', elapsed);
    this.#recorders.metrics.timeToFirstChunk.record(elapsed, this.#attributes());
  }

  answered(completion: ChatCompletion): void {
    if (this.#ended) return;
    this.#describe(completion);
    this.#end(undefined);
  }

  failed(error: unknown): void {
    if (this.#ended) return;
    if (StreamTruncatedError.isInstance(error)) this.#describe(error.partialCompletion);
    this.#end(error);
  }

  /**
   * The attributes of one measurement: a new object each time, since an SDK may keep the one
   * it is given.
   */
  #attributes(tokenType?: string, error?: string): TelemetryAttributes {
    const { address, port } = this.#recorders.server;
    const attributes: TelemetryAttributes = {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': this.#provider,
      'gen_ai.request.model': this.#model,
      'server.address': address,
      'server.port': port,
    };
    if (this.#responseModel !== undefined) {
      attributes['gen_ai.response.model'] = this.#responseModel;
    }
    if (tokenType !== undefined) attributes['gen_ai.token.type'] = tokenType;
    if (error !== undefined) attributes['error.type'] = error;
    return attributes;
  }

  #describe(completion: ChatCompletion): void {
    if (completion.model) this.#responseModel = completion.model;
    const usage = completion.usage;
    if (usage) {
      const { tokenUsage } = this.#recorders.metrics;
      tokenUsage.record(usage.prompt_tokens, this.#attributes('input'));
      tokenUsage.record(usage.completion_tokens, this.#attributes('output'));
    }
    if (this.#span === undefined) return;
    this.#span.setAttributes(responseAttributes(completion));
    if (this.#recorders.recordContent)
      this.#span.setAttributes(outputContentAttributes(completion));
  }

  #end(error: unknown): void {
    this.#ended = true;
    const type = error === undefined ? undefined : errorType(error);
    this.#recorders.metrics.duration.record(
      seconds(this.#startedAt),
      this.#attributes(undefined, type),
    );
    const span = this.#span;
    if (span === undefined) return;
    if (this.#resends > 0) span.setAttribute('http.request.resend_count', this.#resends);
    if (type !== undefined) {
      span.setAttribute('error.type', type);
      span.setStatus({ code: STATUS_ERROR, message: (error as Error).message });
    }
    span.end();
  }
}
