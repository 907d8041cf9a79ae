import type { ChatToolCall, ChatToolCallStatus } from '@chatwire/react';
import type { ReactNode } from 'react';

const STATUS_TEXT: Record<ChatToolCallStatus, string> = {
  streaming: 'calling…',
  ready: 'waiting for result',
  running: 'running…',
  done: 'done',
  error: 'failed',
};

/** The tool calls of an answer, shown where the model made them: name, arguments, result. */
export function ToolCallList({ calls }: { calls: readonly ChatToolCall[] }): ReactNode {
  return (
    <ul className="tool-calls" aria-label="Tool calls">
      {calls.map((call) => (
        <li key={call.id} className={`tool-call tool-call-${call.status}`} data-testid="tool-call">
          <div className="tool-call-head">
            <span className="tool-call-icon" aria-hidden="true">
              ⚙
            </span>
            <code className="tool-call-name">{call.name}</code>
            <span className="tool-call-status">{STATUS_TEXT[call.status]}</span>
          </div>
          <div className="tool-call-body">
            <span className="tool-call-label">Arguments</span>
            <code className="tool-call-args">{formatJson(call.arguments)}</code>
            {call.status === 'done' && (
              <>
                <span className="tool-call-label">Result</span>
                <code className="tool-call-result" data-testid="tool-result">
                  {formatValue(call.result)}
                </code>
              </>
            )}
            {call.status === 'error' && (
              <>
                <span className="tool-call-label">Error</span>
                <code className="tool-call-result">{call.error}</code>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Pretty-prints complete JSON; arguments still streaming are shown as they are. */
function formatJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 1).replace(/\n\s*/g, ' ');
  } catch {
    return text;
  }
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? formatJson(value) : JSON.stringify(value);
}
