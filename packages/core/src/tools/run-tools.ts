import { ToolRoundLimitError } from '../errors/tool-round-limit-error.js';
import type { ChatCompletion, ChatCompletionMessageParam } from '../types/index.js';
import { createToolSet } from './tool-execution.js';
import { readMaxRounds, roundRequest, runRoundTools, signalOf, takeAnswer } from './tool-loop.js';
import type {
  RunToolsResult,
  ToolLoopBody,
  ToolLoopClient,
  ToolLoopOptions,
} from './tool-loop-options.js';

/**
 * Lets the model use tools until it answers: sends the request with the tools' definitions,
 * runs the tools the answer calls (concurrently when it calls several), sends their results
 * back as `tool` messages, and repeats until an answer calls no tool.
 *
 * Failures of a tool call (an unknown tool, arguments that are not JSON or that the zod schema
 * refuses, a throwing `run`) are sent to the model as the call's result (`Error: …`) so it can
 * correct itself. The loop only answers with the first choice (`n` above 1 is pointless here).
 *
 * @param client Anything with `chat.completions.create`, such as a chatwire client.
 * @param body The request, without `tools` (they come from `options.tools`). A `tool_choice`
 *   that forces a call applies to the first round only.
 * @param options The tools, the round limit and event callbacks, plus the client's
 *   per-request options (`signal`, `traceId`, `metadata`, …), which apply to every round;
 *   `signal` also reaches the tools.
 * @returns The final answer, the whole conversation and every round's completion.
 * @throws ToolRoundLimitError when the answer of round `maxRounds` still calls tools.
 * @throws The client's errors (`APIError`, `APIUserAbortError`, …) as they are.
 *
 * @example
 * ```ts
 * const { completion, messages } = await runTools(client, { model, messages: history }, {
 *   tools: [getWeather],
 *   traceId: 'weather-1',
 * });
 * ```
 */
export async function runTools<Options extends object>(
  client: ToolLoopClient<Options>,
  body: ToolLoopBody,
  options: ToolLoopOptions & NoInfer<Options>,
): Promise<RunToolsResult> {
  const { tools, maxRounds: maxRoundsOption, onToolCall, onToolResult, ...rest } = options;
  const maxRounds = readMaxRounds(maxRoundsOption);
  const requestOptions = rest as unknown as Options;
  const signal = signalOf(requestOptions);
  const toolSet = createToolSet(tools);
  const messages: ChatCompletionMessageParam[] = body.messages.slice();
  const completions: ChatCompletion[] = [];
  let completion: ChatCompletion | undefined;
  for (let round = 1; round <= maxRounds; round++) {
    completion = await client.chat.completions.create(
      roundRequest(body, toolSet, messages, round),
      requestOptions,
    );
    completions.push(completion);
    if (!takeAnswer(completion, messages)) return { completion, messages, completions };
    if (round === maxRounds) break;
    await runRoundTools(toolSet, messages, round, { onToolCall, onToolResult }, signal);
  }
  throw new ToolRoundLimitError(maxRounds, completion as ChatCompletion, messages);
}
