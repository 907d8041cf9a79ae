import type { ChatCompletionTool } from '@chatwire/core';

/**
 * The parts of a chat completions body the emulator reads, after validation. Anything else in the
 * body is accepted and ignored, as the provider does for parameters it does not act on.
 */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
  n: number;
  maxTokens: number | undefined;
  stop: string[];
  logprobs: boolean;
  topLogprobs: number;
  tools: ChatCompletionTool[];
  toolChoice: ToolChoice;
  parallelToolCalls: boolean;
  responseFormat: ResponseFormatRequest;
}

/** A message reduced to what the scripted assistant looks at. */
export interface ChatMessage {
  role: string;
  /** The text of the message, its text parts joined. */
  text: string;
  /** The URLs of its image parts (`data:` URLs or web addresses), in order. */
  images: string[];
  toolCallId: string | undefined;
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
}

/** What the request says about tool use. */
export type ToolChoice =
  | { kind: 'none' }
  | { kind: 'auto' }
  | { kind: 'required' }
  | { kind: 'named'; name: string };

/** What the request says about the shape of the answer. */
export type ResponseFormatRequest =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown> };
