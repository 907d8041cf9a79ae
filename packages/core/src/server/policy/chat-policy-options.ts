import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type {
  DEFAULT_MAX_CHARACTERS,
  DEFAULT_MAX_CHOICES,
  DEFAULT_MAX_MESSAGES,
  DEFAULT_MAX_TOKENS,
} from '../defaults.js';

/**
 * The body parameters a browser may set unless the server says otherwise. `user` is left out
 * on purpose: the end user's identity comes from the server's session (set it in `onRequest`
 * or as Portkey metadata `_user`), never from the browser's word.
 */
export const DEFAULT_ALLOWED_PARAMETERS: readonly string[] = Object.freeze([
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'stream',
  'stream_options',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'n',
]);

/**
 * Decides whether the browser may use a model. May be async (a lookup in a plan table).
 * `request` is the server's own request: node's `IncomingMessage` by default, the web-standard
 * `Request` for the fetch handler.
 */
export type ModelAllowFunction<Req = IncomingMessage> = (
  model: string,
  request: Req,
) => boolean | Promise<boolean>;

/**
 * What the browser may ask for. Every limit comes from the server; a browser can only pick
 * within it.
 */
export interface ChatPolicyOptions<Req = IncomingMessage> {
  /**
   * The models a browser may name in `model`: a list, or a function deciding per request.
   * When absent, the browser may only name `defaultModel` (or nothing).
   */
  allowedModels?: readonly string[] | ModelAllowFunction<Req>;
  /**
   * The model used when the browser names none. When neither this nor the browser sets a
   * model, the request is sent without one, for a Portkey config (`override_params`) to decide.
   */
  defaultModel?: string;
  /**
   * The body parameters the browser may set besides `messages` and `model`.
   * Defaults to {@link DEFAULT_ALLOWED_PARAMETERS}. A parameter listed here that chatwire has no
   * shape check for is passed on as the browser sent it.
   */
  allowedParameters?: readonly string[];
  /**
   * What happens to a body field outside the allow-list (a credential, `provider`, `config`, a
   * parameter the server did not allow): `'drop'` removes it silently (the default), `'refuse'`
   * answers 400 `unknown_parameter` naming it.
   */
  unknownParameters?: 'drop' | 'refuse';
  /**
   * The most tokens an answer may have. A larger `max_tokens` or `max_completion_tokens` from the
   * browser is lowered to this cap (clamped, not refused, so a client asking generously still
   * gets an answer). Defaults to {@link DEFAULT_MAX_TOKENS} (4096).
   */
  maxTokens?: number;
  /**
   * The `max_completion_tokens` sent upstream when the browser sets neither `max_tokens` nor
   * `max_completion_tokens`, so that a bare request cannot draw the model's whole output
   * window. At most `maxTokens`; `null` sends such requests without a limit (the model's own
   * maximum applies, or a Portkey config's `override_params`). Defaults to `maxTokens`.
   */
  defaultMaxTokens?: number | null;
  /** The most choices (`n`) a request may ask for; more is refused with 400.
   * Defaults to {@link DEFAULT_MAX_CHOICES} (1).
   */
  maxChoices?: number;
  /** The most messages a request may carry; more is refused with 400.
   * Defaults to {@link DEFAULT_MAX_MESSAGES} (100).
   */
  maxMessages?: number;
  /**
   * The most characters the messages, `tools` (the function schemas) and `response_format` (a
   * JSON schema) may hold together, counting every string and object key in them, so that a body
   * cannot carry an unbounded prompt or schema. Image, audio and file parts are left out: their
   * data URLs are bounded by the body size limit instead. More is refused
   * with 400 (`messages_too_long` when the messages alone are over, `request_too_long` when the
   * schemas push the total over). Defaults to {@link DEFAULT_MAX_CHARACTERS} (200 000).
   */
  maxCharacters?: number;
}

/** {@link ChatPolicyOptions} with every default filled in and the body schema built. */
export interface ResolvedChatPolicy<Req = IncomingMessage> {
  /** The models a browser may name; `undefined` allows only {@link defaultModel}. */
  readonly allowedModels: readonly string[] | ModelAllowFunction<Req> | undefined;
  /** The model filled in when the browser names none, if any. */
  readonly defaultModel: string | undefined;
  /** The body parameters the browser may set besides `messages` and `model`. */
  readonly allowedParameters: readonly string[];
  /** Whether a parameter outside the allow-list is dropped or refused with 400. */
  readonly unknownParameters: 'drop' | 'refuse';
  /** The cap `max_tokens` and `max_completion_tokens` are lowered to. */
  readonly maxTokens: number;
  /** The `max_completion_tokens` sent when the browser set no token limit; `null` for none. */
  readonly defaultMaxTokens: number | null;
  /** The most choices (`n`) a request may ask for. */
  readonly maxChoices: number;
  /** The most messages a request may carry. */
  readonly maxMessages: number;
  /** The most characters the messages, `tools` and `response_format` may hold together. */
  readonly maxCharacters: number;
  /** The body schema for `allowedParameters` and `unknownParameters`. */
  readonly schema: z.ZodType<Record<string, unknown>>;
}
