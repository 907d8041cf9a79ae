import 'reflect-metadata';
import { startEmulator } from '@chatwire/emulator';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';

// Without PORTKEY_API_KEY, a local emulator stands in for Portkey: no key, no network.
const emulator = process.env.PORTKEY_API_KEY ? undefined : await startEmulator();
if (emulator) process.env.PORTKEY_BASE_URL = emulator.url;

const app = await NestFactory.create(AppModule, { logger: ['error', 'warn'] });
app.enableShutdownHooks();
await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
console.log(`listening on ${await app.getUrl()}`);
process.once('SIGTERM', () => void emulator?.close());
