import type { RequestScope } from '@chatwire/core/server';
import { ChatCompletionsService } from '@chatwire/nestjs';
import { Injectable, Logger } from '@nestjs/common';
import { ChatModels } from '../upstream/chat-models.js';

/** A summary and the trace it was logged under in Portkey. */
export interface Summary {
  summary: string;
  traceId: string | null;
}

/** Summarizes text with one non-streamed chat completion. */
@Injectable()
export class SummarizeService {
  readonly #logger = new Logger(SummarizeService.name);

  constructor(
    private readonly completions: ChatCompletionsService,
    private readonly chatModels: ChatModels,
  ) {}

  /** Summarizes `text` under the request's trace id; the call is aborted when the browser leaves. */
  async summarize(text: string, { traceId, signal }: RequestScope): Promise<Summary> {
    const completion = await this.completions.create(
      {
        model: this.chatModels.defaultModel,
        max_tokens: 300,
        messages: [
          { role: 'system', content: 'Summarize the text in two sentences at most.' },
          { role: 'user', content: text },
        ],
      },
      { traceId, spanName: 'summarize', signal },
    );
    const result = {
      summary: completion.choices[0]?.message.content ?? '',
      traceId: completion.meta.traceId,
    };
    this.#logger.log(`summary ${result.traceId ?? '(no trace id)'}`);
    return result;
  }
}
