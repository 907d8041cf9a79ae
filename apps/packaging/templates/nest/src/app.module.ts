import { ChatwireModule } from '@chatwire/nestjs';
import { Module } from '@nestjs/common';

/** `POST /api/chat`, the endpoint `useChatCompletion` talks to. */
@Module({
  imports: [
    ChatwireModule.forRootAsync({
      // Read when the app starts, after main.ts has chosen Portkey or the emulator.
      useFactory: () => ({
        baseURL: process.env.PORTKEY_BASE_URL,
        provider: process.env.PORTKEY_PROVIDER,
        endpoint: { defaultModel: 'gpt-4o-mini' },
      }),
      endpoint: { path: 'api/chat' },
    }),
  ],
})
export class AppModule {}
