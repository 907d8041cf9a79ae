import { ChatwireModule } from '@chatwire/nestjs';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { chatwireOptionsFactory, EMULATOR_URL } from './chatwire-options.factory.js';
import { SummarizeController } from './summarize/summarize.controller.js';
import { SummarizeService } from './summarize/summarize.service.js';

const logger = new Logger('Chat');

/** Where the demo's settings come from besides the environment. */
export interface AppSettings {
  /** The emulator's API URL, when the app started one. */
  emulatorUrl?: string;
}

/** The demo API: `/api/chat` from `@chatwire/nestjs` and `/api/summarize` of its own. */
@Module({})
export class AppModule {}

/** The {@link AppModule} with its imports, for the given settings. */
export function createAppModule(settings: AppSettings): DynamicModule {
  return {
    module: AppModule,
    imports: [
      ConfigModule.forRoot({ load: [() => ({ [EMULATOR_URL]: settings.emulatorUrl })] }),
      ChatwireModule.forRootAsync({
        imports: [ConfigModule],
        inject: [ConfigService],
        useFactory: chatwireOptionsFactory,
        endpoint: {
          path: 'api/chat',
          onFinish: (turn) => {
            const outcome = turn.aborted ? 'client left' : (turn.finishReason ?? 'no finish');
            logger.log(
              `turn ${turn.traceId} ${outcome}, ${turn.usage?.total_tokens ?? '?'} tokens, ${Math.round(turn.latencyMs)} ms`,
            );
          },
          onError: (error, context) => {
            const message = error instanceof Error ? error.message : String(error);
            logger.warn(`turn ${context?.traceId ?? '(refused)'} failed: ${message}`);
          },
        },
      }),
    ],
    controllers: [SummarizeController],
    providers: [SummarizeService],
  };
}
