import type { IncomingMessage } from 'node:http';
import type { ChatCompletion, ToolLoopBody } from '@chatwire/core';
import {
  applyChatPolicy,
  type RequestScope,
  type ResolvedChatPolicy,
  resolveChatPolicy,
} from '@chatwire/core/server';
import { ChatCompletionsService } from '@chatwire/nestjs';
import { Injectable, Logger } from '@nestjs/common';
import { ChatModels } from '../upstream/chat-models.js';
import { getWeather } from './weather-tool.js';

/**
 * A chat whose model may call `get_weather`, a tool run here on the server through chatwire's
 * tool loop. The browser's body is checked against the same kind of policy as `/api/chat`.
 */
@Injectable()
export class WeatherChatService {
  readonly #logger = new Logger(WeatherChatService.name);
  readonly #policy: ResolvedChatPolicy;

  constructor(
    private readonly completions: ChatCompletionsService,
    chatModels: ChatModels,
  ) {
    // The browser chooses only the temperature: tools and streaming are the server's business.
    this.#policy = resolveChatPolicy({
      defaultModel: chatModels.defaultModel,
      allowedParameters: ['temperature'],
      maxMessages: 50,
    });
  }

  /**
   * Runs the tool loop for the browser's body and resolves to the final completion, every
   * round under the request's trace id, aborted when the browser leaves.
   *
   * @throws {ChatRequestError} when the body is refused by the policy.
   */
  async answer(
    rawBody: unknown,
    incoming: IncomingMessage,
    { traceId, signal }: RequestScope,
  ): Promise<ChatCompletion> {
    const body = (await applyChatPolicy(
      this.#policy,
      rawBody,
      incoming,
    )) as unknown as ToolLoopBody;
    const calls: string[] = [];
    const { completion } = await this.completions.runTools(body, {
      tools: [getWeather],
      maxRounds: 4,
      traceId,
      spanName: 'weather-chat',
      signal,
      onToolCall: ({ toolCall }) =>
        calls.push(`${toolCall.function.name}${toolCall.function.arguments}`),
    });
    this.#logger.log(
      `weather turn ${traceId} ${calls.length > 0 ? `tools: ${calls.join(', ')}` : 'no tool calls'}`,
    );
    return completion;
  }
}
