import type { ChatMessage } from './chat-message.js';

/** A turn in flight as a chat with `resume: true` keeps it in `sessionStorage`. */
export interface SavedTurn {
  /** The turn's id (`x-chatwire-turn-id`). */
  turnId: string;
  /** The conversation the turn answers, to show again before the answer resumes. */
  messages: readonly ChatMessage[];
}

const storageKey = (chatId: string) => `chatwire:turn:${chatId}`;

/** The page's session storage; none on a server, and none where the browser denies it. */
function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Keeps the turn of chat `chatId` in flight; a full or denied storage only loses the resume. */
export function saveTurn(chatId: string, turn: SavedTurn): void {
  try {
    sessionStore()?.setItem(storageKey(chatId), JSON.stringify(turn));
  } catch {}
}

/** The turn chat `chatId` had in flight, if one is kept. */
export function loadTurn(chatId: string): SavedTurn | undefined {
  try {
    const turn = JSON.parse(sessionStore()?.getItem(storageKey(chatId)) ?? 'null') as SavedTurn;
    return typeof turn?.turnId === 'string' && Array.isArray(turn.messages) ? turn : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the turn of chat `chatId`: it ended, or was stopped. */
export function forgetTurn(chatId: string): void {
  try {
    sessionStore()?.removeItem(storageKey(chatId));
  } catch {}
}
