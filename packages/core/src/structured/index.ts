export type { ChatCompletionParseParams } from './chat-completion-parse-params.js';
export {
  type JsonSchemaResponseFormatOptions,
  jsonSchemaResponseFormat,
} from './json-schema-response-format.js';
export { ObjectStream, streamObject } from './object-stream.js';
export type { OutputCheck, OutputValidator } from './output-validator.js';
export type { ParseableResponseFormat } from './parseable-response-format.js';
export type {
  ParsedChatCompletion,
  ParsedChatCompletionChoice,
  ParsedChatCompletionMessage,
  ParsedFunctionToolCall,
} from './parsed-chat-completion.js';
export { type DeepPartial, parsePartialJson } from './partial-json.js';
export type { ResponseFormatOptions } from './response-format-options.js';
export { toStrictJsonSchema } from './strict-json-schema.js';
export {
  createInitialStructuredState,
  type StructuredState,
  type StructuredStatus,
} from './structured-state.js';
export { StructuredStore } from './structured-store.js';
export type {
  StructuredFinishEvent,
  StructuredRequestOptions,
  StructuredStoreOptions,
} from './structured-store-options.js';
export { zodResponseFormat } from './zod-response-format.js';
