import type { ChatwireClient } from '../../client/index.js';
import type { ChatExchange } from '../edge/exchange.js';
import type { ErrorResponseOptions } from '../error-response.js';
import type { ChatCompletionsHandlerOptions, ChatRequestContext } from '../handler-options.js';
import { writeFailure } from '../pipeline/answer-failure.js';
import { callUpstream } from '../pipeline/call-upstream.js';
import type { FinishReport } from '../pipeline/finish-report.js';
import { onSignalAbort, upstreamDeadline } from '../pipeline/upstream-deadline.js';
import {
  type AttemptTimeouts,
  type SpanLink,
  upstreamRequest,
} from '../pipeline/upstream-request.js';
import { answerHeaders, setSpanIdHeader, setTraceIdHeader } from '../response-headers.js';
import type { TurnProducer } from '../turns/turn-store.js';
import { CreatorStream } from './creator-stream.js';
import { endTurn, type TurnEnding } from './end-turn.js';
import { followTurn, openTurnStream, TURN_ID_HEADER } from './follow-turn.js';
import { produceTurn } from './produce-turn.js';
import { startTurnHeartbeat } from './turn-heartbeat.js';
import { turnRequestError } from './turn-request-error.js';
import type { TurnServing } from './turn-serving.js';

/** What the upstream call of a turn is made with. */
export interface TurnUpstream<Req, Res> {
  readonly client: ChatwireClient;
  readonly portkeyOptions: ChatCompletionsHandlerOptions<Req, Res>['portkeyOptions'];
  readonly timeouts: AttemptTimeouts;
  /** The caller's span the upstream call is placed under, and its span name. */
  readonly link: SpanLink;
  readonly totalTimeoutMs: number;
  readonly streamUsage: boolean;
  readonly report: FinishReport<Req, Res>;
  readonly answerOptions: ErrorResponseOptions;
}

const NEVER = new AbortController().signal;

/**
 * Serves a POST with an `Idempotency-Key`: the first request of the owner's key creates the
 * turn, calls the upstream once and records its events, written to its client as they are
 * recorded (see {@link CreatorStream}); a later one (a retry, a double click, a second tab) only
 * follows, from the start.
 * The exchange's signal aborts when this request's client leaves; it is read only where it is
 * needed, since the edge makes it on first read.
 */
export async function serveCreatedTurn<Req, Res>(
  key: string,
  context: ChatRequestContext<Req, Res>,
  exchange: ChatExchange<Req, Res>,
  turns: TurnServing<Req>,
  upstream: TurnUpstream<Req, Res>,
): Promise<void> {
  const { request, response } = exchange;
  const { store, keepAliveMs } = turns;
  let producer: TurnProducer | undefined;
  let turnId: string;
  let owner: string;
  try {
    owner = await turns.owner(request, response);
    const created = await store.create({ owner, key });
    producer = created.producer;
    turnId = created.turn.id;
  } catch (error) {
    throw turnRequestError(error);
  }
  response.setHeader(TURN_ID_HEADER, turnId);
  const follow = (after?: string) =>
    store.follow(turnId, owner, { after, signal: exchange.signal });
  if (producer === undefined) {
    const entries = await follow().catch((error) => Promise.reject(turnRequestError(error)));
    await followTurn(turnId, entries, { response, keepAliveMs });
    return;
  }
  await produceAndFollow(producer, context, exchange, turns, upstream, follow);
}

async function produceAndFollow<Req, Res>(
  producer: TurnProducer,
  context: ChatRequestContext<Req, Res>,
  exchange: ChatExchange<Req, Res>,
  turns: TurnServing<Req>,
  upstream: TurnUpstream<Req, Res>,
  follow: (after?: string) => ReturnType<TurnServing<Req>['store']['follow']>,
): Promise<void> {
  const { response } = exchange;
  const { report, answerOptions } = upstream;
  const disconnected = turns.onDisconnect === 'abort' ? exchange.signal : NEVER;
  const stopBeat = startTurnHeartbeat(producer);
  const deadline = upstreamDeadline(
    onSignalAbort(
      disconnected === NEVER ? producer.signal : AbortSignal.any([producer.signal, disconnected]),
    ),
    upstream.totalTimeoutMs,
    context.traceId,
  );
  let ending: TurnEnding<Req, Res> = { producer, context, report, answerOptions };
  try {
    const prepared = await upstreamRequest(
      upstream.portkeyOptions,
      context,
      deadline.signal,
      upstream.timeouts,
      upstream.link,
    );
    ending = { ...ending, context: prepared.context };
    if (prepared.context.traceId !== context.traceId) {
      setTraceIdHeader(response, prepared.context.traceId);
    }
    if (prepared.context.spanId !== undefined) setSpanIdHeader(response, prepared.context.spanId);
    const answer = await callUpstream(
      upstream.client,
      prepared.context,
      prepared.options,
      upstream.streamUsage,
      deadline,
    );
    if (answer.kind !== 'stream') throw new TypeError('A turn is always a streamed answer.');
    const headers = answerHeaders(answer.stream.meta, prepared.context.traceId);
    const writer = openTurnStream(producer.turnId, {
      response,
      keepAliveMs: turns.keepAliveMs,
      headers,
    });
    const creator = new CreatorStream(writer, follow);
    await produceTurn(answer, disconnected, { ...ending, recording: creator });
    await creator.finish();
  } catch (error) {
    const status = producer.signal.aborted
      ? 'stopped'
      : disconnected.aborted
        ? 'disconnected'
        : 'failed';
    await endTurn({ status, failure: error }, ending);
    if (!exchange.signal.aborted) writeFailure(error, response, answerOptions);
  } finally {
    stopBeat();
    deadline.clear();
  }
}
