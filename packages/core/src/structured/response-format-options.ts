/** Options of `zodResponseFormat` and `jsonSchemaResponseFormat`. */
export interface ResponseFormatOptions {
  /** What the format is for; the model reads it to decide how to answer. */
  description?: string;
}
