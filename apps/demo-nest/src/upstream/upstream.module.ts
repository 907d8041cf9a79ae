import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ChatTurns } from '../turns/chat-turns.js';
import { ChatModels } from './chat-models.js';
import { Upstream, type UpstreamSettings } from './upstream.js';

/**
 * Provides the {@link Upstream}, the {@link ChatModels} and the {@link ChatTurns} to the whole
 * app.
 */
@Module({})
export class UpstreamModule {}

/** The {@link UpstreamModule} for the given settings. */
export function createUpstreamModule(settings: UpstreamSettings): DynamicModule {
  return {
    module: UpstreamModule,
    global: true,
    imports: [ConfigModule],
    providers: [
      {
        provide: Upstream,
        inject: [ConfigService],
        useFactory: (config: ConfigService) => Upstream.connect(config, settings),
      },
      {
        provide: ChatModels,
        inject: [ConfigService, Upstream],
        useFactory: (config: ConfigService, upstream: Upstream) =>
          ChatModels.fromConfig(config, upstream.emulator !== undefined),
      },
      {
        provide: ChatTurns,
        inject: [ConfigService],
        useFactory: (config: ConfigService) => ChatTurns.fromConfig(config),
      },
    ],
    exports: [Upstream, ChatModels, ChatTurns],
  };
}
