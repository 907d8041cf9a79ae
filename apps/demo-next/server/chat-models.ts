import { type ChatModels, chatModelSettings, resolveChatModels } from 'demo-express/chat-models';

/**
 * The models the chat endpoint accepts, the same as demo-express's: `CHAT_MODEL`, `CHAT_MODELS`
 * and, on the emulator, its scenario models.
 */
export function demoChatModels(emulator: boolean): ChatModels {
  const { model, allowedModels } = chatModelSettings(process.env);
  return resolveChatModels(model, allowedModels, emulator);
}
