import { Inject } from '@nestjs/common';
import { CHATWIRE_CLIENT } from './chatwire.constants.js';

/**
 * Injects the `ChatwireClient` that `ChatwireModule` created, for code that wants the raw
 * client rather than `ChatCompletionsService`.
 *
 * @example
 * ```ts
 * @Injectable()
 * export class Translator {
 *   constructor(@InjectChatwireClient() private readonly client: ChatwireClient) {}
 * }
 * ```
 */
export function InjectChatwireClient(): PropertyDecorator & ParameterDecorator {
  return Inject(CHATWIRE_CLIENT);
}
