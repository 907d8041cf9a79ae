import type { ReactNode } from 'react';
import { ChatApp } from './chat-app';

/** The chat page, in the same `#root` element as demo-web's own index.html. */
export default function Home(): ReactNode {
  return (
    <div id="root">
      <ChatApp />
    </div>
  );
}
