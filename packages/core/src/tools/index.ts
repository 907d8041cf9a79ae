export { runTools } from './run-tools.js';
export { runToolsStream, ToolRunStream } from './run-tools-stream.js';
export {
  defineTool,
  type RunnableTool,
  type ToolRunContext,
  type ZodRunnableTool,
} from './runnable-tool.js';
export type { ToolCallEvent, ToolResultEvent } from './tool-execution.js';
export { DEFAULT_MAX_ROUNDS } from './tool-loop.js';
export type {
  RunToolsResult,
  StreamingToolLoopClient,
  ToolLoopBody,
  ToolLoopClient,
  ToolLoopOptions,
} from './tool-loop-options.js';
