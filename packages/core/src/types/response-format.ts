/** Plain text output, the default. */
export interface ResponseFormatText {
  /** Always `text`. */
  type: 'text';
}

/**
 * JSON mode: the output is valid JSON, of no particular shape. The prompt must also ask for
 * JSON. Prefer {@link ResponseFormatJSONSchema} where the model supports it.
 */
export interface ResponseFormatJSONObject {
  /** Always `json_object`. */
  type: 'json_object';
}

/** Structured Outputs: the output matches a given JSON Schema. */
export interface ResponseFormatJSONSchema {
  /** Always `json_schema`. */
  type: 'json_schema';
  /** The schema and how it is applied. */
  json_schema: ResponseFormatJSONSchema.JSONSchema;
}

export namespace ResponseFormatJSONSchema {
  /** A named JSON Schema for the output. */
  export interface JSONSchema {
    /** The format's name: letters, digits, underscores and dashes, at most 64 characters. */
    name: string;
    /** What the format is for; the model reads it to decide how to answer. */
    description?: string;
    /** The JSON Schema the output follows. */
    schema?: Record<string, unknown>;
    /**
     * When true, the output follows `schema` exactly (only a subset of JSON Schema is accepted
     * then). Defaults to false.
     */
    strict?: boolean | null;
  }
}

/** The format the model must write its answer in. */
export type ResponseFormat =
  | ResponseFormatText
  | ResponseFormatJSONObject
  | ResponseFormatJSONSchema;
