import { Controller, Get } from '@nestjs/common';
import { ChatModels } from '../upstream/chat-models.js';

/** The body of `GET /api/models`. */
export interface ModelList {
  /** Every model `/api/chat` accepts, the default first. */
  models: string[];
  /** The model used when a request names none. */
  defaultModel: string;
  /** Whether the answers come from the chatwire emulator rather than Portkey. */
  emulator: boolean;
}

/** `GET /api/models`: the models `/api/chat` accepts, for the page's model picker. */
@Controller('api/models')
export class ModelsController {
  constructor(private readonly chatModels: ChatModels) {}

  @Get()
  list(): ModelList {
    const { models, defaultModel, emulator } = this.chatModels;
    return { models, defaultModel, emulator };
  }
}
