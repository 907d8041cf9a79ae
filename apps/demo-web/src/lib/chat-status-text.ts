import type { ChatMessage, ChatStatus } from '@chatwire/react';

/**
 * The sentence a screen reader hears when the chat changes state: short, and only at the
 * transitions, so that it does not read every token of a streaming answer.
 */
export function chatStatusText(status: ChatStatus, last: ChatMessage | undefined): string {
  switch (status) {
    case 'submitted':
      return 'Sending…';
    case 'streaming':
      return 'The assistant is answering…';
    case 'reconnecting':
      return 'Connection lost. Reconnecting…';
    case 'stalled':
      return 'Still waiting for the answer…';
    case 'error':
      return 'The answer failed.';
    case 'idle':
      if (last?.role !== 'assistant') return '';
      return last.partial ? 'Answer stopped.' : 'Answer complete.';
  }
}
