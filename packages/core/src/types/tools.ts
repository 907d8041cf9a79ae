/**
 * The arguments a function accepts, as a JSON Schema object. Leaving it out declares a
 * function that takes no arguments.
 */
export type FunctionParameters = Record<string, unknown>;

/** A function the model may call, described by name, purpose and argument schema. */
export interface FunctionDefinition {
  /** The function's name: letters, digits, underscores and dashes, at most 64 characters. */
  name: string;
  /** What the function does; the model reads it to decide when and how to call it. */
  description?: string;
  /** The JSON Schema of the arguments. */
  parameters?: FunctionParameters;
  /**
   * When true, the model's arguments follow `parameters` exactly (only a subset of JSON Schema
   * is accepted then). Defaults to false.
   */
  strict?: boolean | null;
}

/** A tool the model may call. Only functions are tools in Chat Completions. */
export interface ChatCompletionTool {
  /** Always `function`. */
  type: 'function';
  /** The function the model may call. */
  function: FunctionDefinition;
}

/** Forces the model to call one named function. */
export interface ChatCompletionNamedToolChoice {
  /** Always `function`. */
  type: 'function';
  /** The function to call. */
  function: ChatCompletionNamedToolChoice.Function;
}

export namespace ChatCompletionNamedToolChoice {
  /** Names the function the model must call. */
  export interface Function {
    /** The name of the function to call. */
    name: string;
  }
}

/**
 * Which tool, if any, the model calls: `none` never calls one and writes a message, `auto` lets
 * the model choose, `required` makes it call at least one, and a named choice forces that
 * function. The default is `none` without tools and `auto` with tools.
 */
export type ChatCompletionToolChoiceOption =
  | 'none'
  | 'auto'
  | 'required'
  | ChatCompletionNamedToolChoice;

/**
 * Forces the model to call the named function, in the deprecated `function_call` parameter.
 * @deprecated Use {@link ChatCompletionNamedToolChoice} in `tool_choice`.
 */
export interface ChatCompletionFunctionCallOption {
  /** The name of the function to call. */
  name: string;
}

/**
 * A function the model may call, in the deprecated `functions` parameter.
 * @deprecated Use {@link ChatCompletionTool} in `tools`.
 */
export interface ChatCompletionFunction {
  /** The function's name: letters, digits, underscores and dashes, at most 64 characters. */
  name: string;
  /** What the function does; the model reads it to decide when and how to call it. */
  description?: string;
  /** The JSON Schema of the arguments. */
  parameters?: FunctionParameters;
}

/** A function call the model made: its name and its arguments as JSON text. */
export interface ChatCompletionFunctionCall {
  /** The name of the function to call. */
  name: string;
  /**
   * The arguments as JSON text written by the model. It may be invalid JSON or contain
   * parameters the schema does not define: validate before use.
   */
  arguments: string;
}

/** A tool call the model made in a response, and that is replayed in an assistant message. */
export interface ChatCompletionMessageToolCall {
  /** The id of this call; the tool message answering it carries the same id. */
  id: string;
  /** Always `function`. */
  type: 'function';
  /** The function called and its arguments. */
  function: ChatCompletionFunctionCall;
}
