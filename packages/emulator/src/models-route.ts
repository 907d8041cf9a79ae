import { type HttpContext, sendJson } from './http-context.js';

/** The time the model list reports as each model's creation (a fixed date keeps answers stable). */
const MODELS_CREATED = 1_700_000_000;

/** `GET /v1/models`: the models the emulator names, in OpenAI's list shape. */
export function handleModels(ctx: HttpContext): void {
  sendJson(ctx, 200, {
    object: 'list',
    data: ctx.settings.models.map((id) => ({
      id,
      object: 'model',
      created: MODELS_CREATED,
      owned_by: 'chatwire-emulator',
    })),
  });
}
