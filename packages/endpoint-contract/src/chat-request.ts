import { randomUUID } from 'node:crypto';
import type { ContractContext } from './contract-context.js';
import type { ArrangedScenario } from './scenario-relay.js';

/** A question whose answer is long enough to stream in several chunks. */
export const QUESTION = [{ role: 'user', content: 'What is the tallest mountain on Earth?' }];

/** How a case calls the endpoint; everything is optional. */
export interface ChatRequestInit {
  method?: string;
  /** The body: an object is sent as JSON, a string as it is. Defaults to {@link QUESTION}. */
  body?: object | string;
  /** Headers added to (or replacing) the JSON content type and the trace id. */
  headers?: Record<string, string>;
  /** The emulator scenario the upstream call plays. */
  scenario?: ArrangedScenario;
  signal?: AbortSignal;
}

/** The answer, and the trace id the request carried (the upstream call carries it too). */
export interface ChatExchange {
  response: Response;
  traceId: string;
}

function encode(body: object | string): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/** Calls the endpoint with a fresh trace id in `x-request-id`, as a browser behind a proxy would. */
export async function sendChat(
  context: ContractContext,
  init: ChatRequestInit = {},
): Promise<ChatExchange> {
  const traceId = `contract-${randomUUID()}`;
  if (init.scenario !== undefined) context.relay.arrange(traceId, init.scenario);
  const method = init.method ?? 'POST';
  const body = init.body ?? { messages: QUESTION };
  const response = await fetch(context.endpoint.url, {
    method,
    headers: { 'content-type': 'application/json', 'x-request-id': traceId, ...init.headers },
    // fetch sends no body with GET or HEAD.
    body: method === 'GET' || method === 'HEAD' ? undefined : encode(body),
    signal: init.signal,
  });
  return { response, traceId };
}
