import { type ReactNode, useState } from 'react';
import type { Conversation } from '../conversations/conversation.js';
import { Icon } from './Icon.js';

/** Props of {@link ConversationList}. */
export interface ConversationListProps {
  conversations: readonly Conversation[];
  activeId: string;
  onCreate: () => void;
  onSelect: (id: string) => void;
  onRename: (id: string, title: string) => void;
  onDelete: (id: string) => void;
}

function RenameForm(props: {
  conversation: Conversation;
  onDone: (title: string | undefined) => void;
}): ReactNode {
  const [title, setTitle] = useState(props.conversation.title);
  return (
    <form
      className="rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onDone(title);
      }}
    >
      <input
        aria-label="Conversation name"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onDone(undefined);
        }}
        onBlur={() => props.onDone(title)}
        // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename
        autoFocus
      />
    </form>
  );
}

/** The conversations kept in this browser: start a new one, open, rename or delete one. */
export function ConversationList(props: ConversationListProps): ReactNode {
  const [renaming, setRenaming] = useState<string | undefined>(undefined);
  return (
    <nav className="conversations" aria-label="Conversations">
      <button type="button" className="new-chat-button" onClick={props.onCreate}>
        <Icon name="plus" size={18} />
        New chat
      </button>
      <ul className="conversation-list">
        {props.conversations.map((conversation) => {
          const active = conversation.id === props.activeId;
          return (
            <li
              key={conversation.id}
              className={active ? 'conversation conversation-active' : 'conversation'}
              data-testid="conversation"
            >
              {renaming === conversation.id ? (
                <RenameForm
                  conversation={conversation}
                  onDone={(title) => {
                    setRenaming(undefined);
                    if (title !== undefined) props.onRename(conversation.id, title);
                  }}
                />
              ) : (
                <>
                  <button
                    type="button"
                    className="conversation-open"
                    aria-current={active ? 'page' : undefined}
                    onClick={() => props.onSelect(conversation.id)}
                  >
                    {conversation.title}
                  </button>
                  <button
                    type="button"
                    className="ghost-button conversation-action"
                    aria-label={`Rename “${conversation.title}”`}
                    title="Rename"
                    onClick={() => setRenaming(conversation.id)}
                  >
                    <Icon name="pencil" size={15} />
                  </button>
                  <button
                    type="button"
                    className="ghost-button conversation-action"
                    aria-label={`Delete “${conversation.title}”`}
                    title="Delete"
                    onClick={() => props.onDelete(conversation.id)}
                  >
                    <Icon name="trash" size={15} />
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
