import type { ChatMessage } from '@chatwire/react';
import { useCallback, useEffect, useState } from 'react';
import { type Conversation, newConversation, withMessages } from './conversation.js';
import {
  loadConversations,
  type StoredConversations,
  saveConversations,
} from './conversation-storage.js';

/** The conversations kept in the browser, the open one, and what can be done with them. */
export interface ConversationsState {
  /** Newest first. */
  conversations: readonly Conversation[];
  active: Conversation;
  /** Opens an empty conversation (the open one, when it is still empty). */
  create(): void;
  select(id: string): void;
  rename(id: string, title: string): void;
  /** Deletes a conversation; deleting the open one opens the newest other, or a new one. */
  remove(id: string): void;
  /** Records the open conversation's messages as they are now (the same function each render). */
  saveMessages(messages: readonly ChatMessage[]): void;
}

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function initialState(): StoredConversations {
  const stored = loadConversations(browserStorage());
  if (stored.conversations.some((conversation) => conversation.id === stored.activeId)) {
    return stored;
  }
  const first = stored.conversations[0] ?? newConversation();
  return {
    conversations: stored.conversations.length === 0 ? [first] : stored.conversations,
    activeId: first.id,
  };
}

function openConversation(state: StoredConversations): Conversation | undefined {
  return state.conversations.find((conversation) => conversation.id === state.activeId);
}

/** Keeps several conversations in `localStorage`, saved whenever one changes. */
export function useConversations(): ConversationsState {
  const [state, setState] = useState(initialState);
  useEffect(() => saveConversations(browserStorage(), state), [state]);

  const saveMessages = useCallback((messages: readonly ChatMessage[]) => {
    setState((current) => {
      const open = openConversation(current);
      if (open === undefined || open.messages === messages) return current;
      const others = current.conversations.filter((conversation) => conversation !== open);
      return { ...current, conversations: [withMessages(open, messages), ...others] };
    });
  }, []);

  const update = (id: string, change: (conversation: Conversation) => Conversation) =>
    setState((current) => ({
      ...current,
      conversations: current.conversations.map((conversation) =>
        conversation.id === id ? change(conversation) : conversation,
      ),
    }));

  return {
    conversations: state.conversations,
    active: openConversation(state) ?? newConversation(),
    create() {
      setState((current) => {
        if (openConversation(current)?.messages.length === 0) return current;
        const created = newConversation();
        return { conversations: [created, ...current.conversations], activeId: created.id };
      });
    },
    select(id) {
      setState((current) => ({ ...current, activeId: id }));
    },
    rename(id, title) {
      const trimmed = title.trim();
      if (trimmed === '') return;
      update(id, (conversation) => ({ ...conversation, title: trimmed, renamed: true }));
    },
    remove(id) {
      setState((current) => {
        const rest = current.conversations.filter((conversation) => conversation.id !== id);
        if (current.activeId !== id) return { ...current, conversations: rest };
        const next = rest[0] ?? newConversation();
        return { conversations: rest.length === 0 ? [next] : rest, activeId: next.id };
      });
    },
    saveMessages,
  };
}
