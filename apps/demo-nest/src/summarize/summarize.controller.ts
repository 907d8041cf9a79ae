import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestScope } from '@chatwire/core/server';
import { BadRequestException, Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { SummarizeService, type Summary } from './summarize.service.js';

const MAX_TEXT_LENGTH = 20_000;

/** `POST /api/summarize { text }` → `{ summary, traceId }`. */
@Controller('api/summarize')
export class SummarizeController {
  constructor(private readonly summaries: SummarizeService) {}

  @Post()
  @HttpCode(200)
  summarize(
    @Body() body: unknown,
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<Summary> {
    const text = (body as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || text.trim() === '') {
      throw new BadRequestException("'text' must be a non-empty string.");
    }
    if (text.length > MAX_TEXT_LENGTH) {
      throw new BadRequestException(`'text' may have at most ${MAX_TEXT_LENGTH} characters.`);
    }
    return this.summaries.summarize(text, requestScope(request, response));
  }
}
