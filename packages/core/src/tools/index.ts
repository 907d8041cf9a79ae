export { runTools } from './run-tools.js';
export { runToolsStream, ToolRunStream } from './run-tools-stream.js';
export {
  defineTool,
  type RunnableTool,
  type ToolRunContext,
  type ZodRunnableTool,
} from './runnable-tool.js';
export { ToolArgumentsError, type ToolCallEvent, type ToolResultEvent } from './tool-execution.js';
export type {
  RunToolsResult,
  StreamingToolLoopClient,
  ToolLoopBody,
  ToolLoopClient,
  ToolLoopOptions,
} from './tool-loop-options.js';
export { ToolRoundLimitError } from './tool-round-limit-error.js';
