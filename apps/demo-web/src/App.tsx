import { lazy, type ReactNode, Suspense, useId, useState } from 'react';
import { ChatView } from './ChatView.js';
import { ChatSettings } from './components/ChatSettings.js';
import { ConversationList } from './components/ConversationList.js';
import { Icon } from './components/Icon.js';
import { useConversations } from './conversations/use-conversations.js';
import { DEFAULT_MODEL, modelLabel } from './lib/models.js';
import { useModelList } from './lib/use-model-list.js';

// The recipe view brings the structured-answer code and the schema validator: loaded on demand.
const RecipeView = lazy(() => import('./recipe/RecipeView.js'));

/** The chat page: the conversations at the side, settings behind a button, the open chat. */
export function App(): ReactNode {
  const [model, setModel] = useState(DEFAULT_MODEL);
  const [systemPrompt, setSystemPrompt] = useState('');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [recipeOpen, setRecipeOpen] = useState(false);
  const settingsId = useId();
  const sidebarId = useId();
  const modelList = useModelList('/api/models');
  const conversations = useConversations();
  const { active } = conversations;
  // A pick the API does not accept (the page's default, before the list arrives or when the
  // API's default differs) falls back to the API's default model.
  const selectedModel = modelList.list.models.includes(model) ? model : modelList.list.defaultModel;

  return (
    <div className={sidebarOpen ? 'app sidebar-open' : 'app'}>
      <aside id={sidebarId} className="sidebar">
        <div className="sidebar-head">
          <span className="brand">
            <Icon name="chat" size={18} />
            chatwire
          </span>
          <button
            type="button"
            className="ghost-button icon-only sidebar-close"
            aria-label="Close conversations"
            onClick={() => setSidebarOpen(false)}
          >
            <Icon name="close" size={18} />
          </button>
        </div>
        <ConversationList
          conversations={conversations.conversations}
          activeId={active.id}
          onCreate={() => {
            conversations.create();
            setRecipeOpen(false);
            setSidebarOpen(false);
          }}
          onSelect={(id) => {
            conversations.select(id);
            setRecipeOpen(false);
            setSidebarOpen(false);
          }}
          onRename={conversations.rename}
          onDelete={conversations.remove}
        />
      </aside>
      <div className="main">
        <header className="app-header">
          <button
            type="button"
            className="ghost-button icon-only menu-button"
            aria-label="Conversations"
            aria-controls={sidebarId}
            aria-expanded={sidebarOpen}
            onClick={() => setSidebarOpen((open) => !open)}
          >
            <Icon name="menu" />
          </button>
          <h1 className="chat-title">{recipeOpen ? 'Recipe' : active.title}</h1>
          <button
            type="button"
            className="ghost-button recipe-button"
            aria-label="Recipe example"
            aria-pressed={recipeOpen}
            onClick={() => setRecipeOpen((open) => !open)}
          >
            <Icon name="recipe" size={18} />
            <span className="recipe-button-label">Recipe</span>
          </button>
          <button
            type="button"
            className="ghost-button settings-button"
            aria-controls={settingsId}
            aria-expanded={settingsOpen}
            onClick={() => setSettingsOpen((open) => !open)}
          >
            <Icon name="settings" size={18} />
            <span className="settings-label">Settings</span>
            <span className="model-chip">{modelLabel(selectedModel)}</span>
          </button>
          <button
            type="button"
            className="ghost-button icon-only header-new-chat"
            aria-label="New chat"
            title="New chat"
            onClick={() => {
              conversations.create();
              setRecipeOpen(false);
            }}
          >
            <Icon name="plus" />
          </button>
        </header>
        <ChatSettings
          id={settingsId}
          open={settingsOpen}
          model={selectedModel}
          onModelChange={setModel}
          models={modelList.list.models}
          modelsLoading={modelList.loading}
          systemPrompt={systemPrompt}
          onSystemPromptChange={setSystemPrompt}
        />
        {recipeOpen ? (
          <Suspense fallback={<p className="recipe-loading">Loading the recipe view…</p>}>
            <RecipeView model={selectedModel} onClose={() => setRecipeOpen(false)} />
          </Suspense>
        ) : (
          <ChatView
            key={active.id}
            conversationId={active.id}
            initialMessages={active.messages}
            onMessagesChange={conversations.saveMessages}
            model={selectedModel}
            systemPrompt={systemPrompt}
            onOpenRecipe={() => setRecipeOpen(true)}
          />
        )}
      </div>
      {sidebarOpen && (
        <button
          type="button"
          className="scrim"
          aria-label="Close conversations"
          tabIndex={-1}
          onClick={() => setSidebarOpen(false)}
        />
      )}
    </div>
  );
}
