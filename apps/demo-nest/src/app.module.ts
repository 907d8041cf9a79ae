import { ChatwireModule } from '@chatwire/nestjs';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { chatwireOptionsFactory } from './chatwire-options.factory.js';
import { ModelsController } from './models/models.controller.js';
import { SummarizeController } from './summarize/summarize.controller.js';
import { SummarizeService } from './summarize/summarize.service.js';
import { ChatTurns } from './turns/chat-turns.js';
import { ChatModels } from './upstream/chat-models.js';
import { Upstream, type UpstreamSettings } from './upstream/upstream.js';
import { createUpstreamModule } from './upstream/upstream.module.js';
import { WeatherChatController } from './weather-chat/weather-chat.controller.js';
import { WeatherChatService } from './weather-chat/weather-chat.service.js';

const logger = new Logger('Chat');

/**
 * The demo API: `/api/chat` from `@chatwire/nestjs`, and `/api/models`, `/api/weather-chat`
 * and `/api/summarize` of its own.
 */
@Module({})
export class AppModule {}

/** The {@link AppModule} with its imports, for the given settings. */
export function createAppModule(settings: UpstreamSettings): DynamicModule {
  return {
    module: AppModule,
    imports: [
      // Reads `.env` too; the Upstream decides from here alone whether Portkey is used.
      ConfigModule.forRoot({ isGlobal: true }),
      createUpstreamModule(settings),
      ChatwireModule.forRootAsync({
        inject: [Upstream, ChatModels, ChatTurns],
        useFactory: chatwireOptionsFactory,
        endpoint: {
          path: 'api/chat',
          onFinish: (turn) => {
            const outcome = turn.aborted ? 'client left' : (turn.finishReason ?? 'no finish');
            logger.log(
              `turn ${turn.traceId} span ${turn.context.spanId ?? '-'} ${outcome}, ${turn.usage?.total_tokens ?? '?'} tokens, ${Math.round(turn.latencyMs)} ms`,
            );
          },
          onError: (error, context) => {
            const message = error instanceof Error ? error.message : String(error);
            logger.warn(`turn ${context?.traceId ?? '(refused)'} failed: ${message}`);
          },
        },
      }),
    ],
    controllers: [ModelsController, WeatherChatController, SummarizeController],
    providers: [WeatherChatService, SummarizeService],
  };
}
