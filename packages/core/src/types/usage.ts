/** Token counts of one request. */
export interface CompletionUsage {
  /** Tokens in the prompt. */
  prompt_tokens: number;
  /** Tokens in the generated completion, reasoning included. */
  completion_tokens: number;
  /** `prompt_tokens` plus `completion_tokens`. */
  total_tokens: number;
  /** How the prompt tokens break down. */
  prompt_tokens_details?: PromptTokensDetails | null;
  /** How the completion tokens break down. */
  completion_tokens_details?: CompletionTokensDetails | null;
}

/** A breakdown of the prompt tokens. */
export interface PromptTokensDetails {
  /** Prompt tokens read from the provider's prompt cache. */
  cached_tokens?: number;
  /** Audio tokens in the prompt. */
  audio_tokens?: number;
}

/** A breakdown of the completion tokens. */
export interface CompletionTokensDetails {
  /** Tokens the model spent reasoning, not shown in the answer. */
  reasoning_tokens?: number;
  /** With Predicted Outputs: tokens of the prediction that appeared in the completion. */
  accepted_prediction_tokens?: number;
  /** With Predicted Outputs: tokens of the prediction that did not appear in the completion. */
  rejected_prediction_tokens?: number;
  /** Audio tokens the model generated. */
  audio_tokens?: number;
}
