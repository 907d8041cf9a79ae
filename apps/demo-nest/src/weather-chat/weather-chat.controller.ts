import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatCompletion } from '@chatwire/core';
import { requestScope } from '@chatwire/core/server';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { WeatherChatService } from './weather-chat.service.js';

/**
 * `POST /api/weather-chat`: the same request body as `/api/chat`, answered with the final
 * `ChatCompletion` as JSON once the model has called the server-side weather tool (not
 * streamed: the tool rounds happen before the answer).
 */
@Controller('api/weather-chat')
export class WeatherChatController {
  constructor(private readonly weatherChat: WeatherChatService) {}

  @Post()
  @HttpCode(200)
  answer(
    @Body() body: unknown,
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ChatCompletion> {
    const scope = requestScope(request, response);
    response.setHeader('x-portkey-trace-id', scope.traceId);
    return this.weatherChat.answer(body, request, scope);
  }
}
