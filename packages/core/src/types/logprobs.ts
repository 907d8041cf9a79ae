/** One of the most likely tokens at a position, with its log probability. */
export interface ChatCompletionTopLogprob {
  /** The token. */
  token: string;
  /**
   * Its log probability; `-9999.0` when the token is outside the 20 most likely, that is very
   * unlikely.
   */
  logprob: number;
  /**
   * The token's UTF-8 bytes, to rebuild characters split across tokens; null when the token has
   * no byte form.
   */
  bytes: number[] | null;
}

/** An output token with its log probability and the most likely alternatives. */
export interface ChatCompletionTokenLogprob extends ChatCompletionTopLogprob {
  /**
   * The most likely tokens at this position, as many as `top_logprobs` asked for (rarely
   * fewer).
   */
  top_logprobs: ChatCompletionTopLogprob[];
}

/** Log probabilities of a choice, present when the request set `logprobs: true`. */
export interface ChatCompletionLogprobs {
  /** The content tokens with their log probabilities. */
  content: ChatCompletionTokenLogprob[] | null;
  /** The refusal tokens with their log probabilities. */
  refusal?: ChatCompletionTokenLogprob[] | null;
}
