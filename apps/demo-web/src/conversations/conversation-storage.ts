import type { Conversation } from './conversation.js';

/** Everything the page keeps in the browser between visits. */
export interface StoredConversations {
  conversations: Conversation[];
  /** The conversation open when the page was left. */
  activeId: string | undefined;
}

const KEY = 'chatwire-demo:conversations';

function isConversation(value: unknown): value is Conversation {
  const candidate = value as Partial<Conversation> | null;
  return (
    typeof candidate?.id === 'string' &&
    typeof candidate.title === 'string' &&
    Array.isArray(candidate.messages) &&
    typeof candidate.updatedAt === 'number'
  );
}

/** Reads the conversations saved in `storage`; anything unreadable counts as none. */
export function loadConversations(storage: Storage | undefined): StoredConversations {
  try {
    const parsed = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<StoredConversations>;
    const conversations = Array.isArray(parsed?.conversations)
      ? parsed.conversations.filter(isConversation)
      : [];
    const activeId = typeof parsed?.activeId === 'string' ? parsed.activeId : undefined;
    return { conversations, activeId };
  } catch {
    return { conversations: [], activeId: undefined };
  }
}

/**
 * Saves the conversations in `storage`. A full storage (images are large) or one the browser
 * refuses leaves the previous save in place: the chat itself goes on.
 */
export function saveConversations(storage: Storage | undefined, stored: StoredConversations): void {
  try {
    storage?.setItem(KEY, JSON.stringify(stored));
  } catch {
    // See above: keeping the page usable matters more than keeping the history.
  }
}
