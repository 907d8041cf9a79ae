import type { Scenario } from './scenarios.js';
import type { Reply } from './scripted-assistant.js';

/** What the `refusal` scenario answers instead, as OpenAI's models word a refusal. */
export const REFUSAL_TEXT = "I'm sorry, but I can't help with that request.";

/**
 * A JSON object that breaks the schema it was made for: its first property is left out, and a
 * property no schema declares is added. Text that is no JSON object is left as it is.
 */
function breakObject(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return text;
  const [, ...kept] = Object.entries(value);
  return JSON.stringify({ ...Object.fromEntries(kept), unexpected_property: true });
}

/** The scripted replies as the scenario changes them: refused, or with an invalid object. */
export function applyScenarioToReplies(scenario: Scenario, replies: Reply[]): Reply[] {
  if (scenario.name === 'refusal') {
    return replies.map((): Reply => ({ kind: 'refusal', text: REFUSAL_TEXT }));
  }
  if (scenario.name === 'invalid-object') {
    return replies.map((reply) =>
      reply.kind === 'text' ? { kind: 'text', text: breakObject(reply.text) } : reply,
    );
  }
  return replies;
}
