import type { ChatMessage } from '@chatwire/react';

/** One conversation kept in the browser. */
export interface Conversation {
  id: string;
  /** What the list shows: the first question, until the user renames it. */
  title: string;
  /** Whether the user named it (then the first question no longer names it). */
  renamed: boolean;
  messages: readonly ChatMessage[];
  /** When it last changed, in milliseconds since the epoch; the list is newest first. */
  updatedAt: number;
}

/** The title of a conversation that has no question yet. */
export const UNTITLED = 'New chat';

const TITLE_LENGTH = 48;

/** A new, empty conversation. */
export function newConversation(now = Date.now()): Conversation {
  return {
    id: `c-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    title: UNTITLED,
    renamed: false,
    messages: [],
    updatedAt: now,
  };
}

/** The conversation's first question, shortened on a word boundary, as its title. */
export function titleFromMessages(messages: readonly ChatMessage[]): string {
  const first = messages.find((message) => message.role === 'user');
  const text = first?.content.replace(/\s+/g, ' ').trim() ?? '';
  if (text === '') return first === undefined ? UNTITLED : 'Image';
  if (text.length <= TITLE_LENGTH) return text;
  const cut = text.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > 20 ? cut.slice(0, space) : cut}…`;
}

/** `conversation` with `messages`, its title following its first question unless renamed. */
export function withMessages(
  conversation: Conversation,
  messages: readonly ChatMessage[],
  now = Date.now(),
): Conversation {
  return {
    ...conversation,
    messages,
    title: conversation.renamed ? conversation.title : titleFromMessages(messages),
    updatedAt: now,
  };
}
