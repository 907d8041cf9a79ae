import type { ChatRequest } from './chat-request.js';
import { invalidRequest, type OpenAIErrorBody, type PortkeyFailureBody } from './error-bodies.js';
import type { HttpContext } from './http-context.js';
import { parseChatRequest } from './parse-chat-request.js';
import { isPortkeyRequest } from './portkey-request.js';
import { type PortkeyRequestOptions, validatePortkeyHeaders } from './portkey-validation.js';
import { readScenario, type Scenario } from './scenarios.js';

const INVALID_JSON_MESSAGE =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)";

/** A chat completions request that passed every check, or the 400 body that refuses it. */
export type ChatCompletionsValidation =
  | {
      ok: true;
      /** Portkey's options, or `undefined` when the request speaks to the provider directly. */
      options: PortkeyRequestOptions | undefined;
      /** The body as sent, which targets' `override_params` are laid over. */
      json: Record<string, unknown>;
      request: ChatRequest;
      scenario: Scenario;
    }
  | { ok: false; body: OpenAIErrorBody | PortkeyFailureBody };

/** Checks the Portkey headers (of a Portkey request), the JSON body and the scenario, in that order. */
export function validateChatCompletions(
  ctx: HttpContext,
  strictGateway: boolean,
): ChatCompletionsValidation {
  let options: PortkeyRequestOptions | undefined;
  if (isPortkeyRequest(ctx.headers)) {
    const validation = validatePortkeyHeaders(ctx.headers, { strictGateway });
    if (!validation.ok) return validation;
    options = validation.options;
  }
  let json: unknown;
  try {
    json = JSON.parse(ctx.body);
  } catch {
    return { ok: false, body: invalidRequest(INVALID_JSON_MESSAGE) };
  }
  const parsed = parseChatRequest(json);
  if (!parsed.ok) return { ok: false, body: parsed.error };
  const scenario = readScenario(ctx.headers, parsed.request.model);
  if (!scenario.ok) return { ok: false, body: invalidRequest(scenario.message, 'model') };
  return {
    ok: true,
    options,
    json: json as Record<string, unknown>,
    request: parsed.request,
    scenario: scenario.scenario,
  };
}
