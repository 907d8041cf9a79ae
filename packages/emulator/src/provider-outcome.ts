import type { ChatRequest } from './chat-request.js';
import type { RenderedCompletion } from './completion-builder.js';
import type { Scenario } from './scenarios.js';
import type { UpstreamFailure } from './upstream-failures.js';

/** An answer of the emulated provider, ready to be sent. */
export interface ProviderSuccess {
  ok: true;
  /** The request as the provider read it, a target's `override_params` applied. */
  request: ChatRequest;
  /** The scenario that shapes how the answer is sent. */
  scenario: Scenario;
  /** The answer's content. */
  rendered: RenderedCompletion;
}

/** A failure of the emulated provider, or of the gateway in front of it. */
export interface ProviderFailure {
  ok: false;
  /** The status, body and headers to answer with. */
  failure: UpstreamFailure;
  /** True when the gateway raised it (a timeout), so that no provider prefix is added. */
  fromGateway: boolean;
}

/** A success of the emulated provider, or its failure. */
export type ProviderOutcome = ProviderSuccess | ProviderFailure;
