import { ChatwireError } from './chatwire-error.js';

/** One way in which a structured answer broke its schema. */
export interface StructuredOutputIssue {
  /** Where in the answer: property names and array indexes from the root (empty for the root). */
  path: (string | number)[];
  /** What is wrong there, e.g. `Invalid input: expected number, received string`. */
  message: string;
}

/**
 * A structured answer (the JSON of a `response_format` built with `zodResponseFormat` or
 * `jsonSchemaResponseFormat`, or the arguments of a zod tool) is not valid JSON or does not
 * match its schema. The model's raw text is kept, so it can be logged or shown.
 */
export class StructuredOutputError extends ChatwireError {
  static override readonly brand: string = 'StructuredOutputError';

  constructor(
    /** The text the model wrote, as received. */
    readonly text: string,
    /** What is wrong with it; one issue at the root when the text is not JSON at all. */
    readonly issues: readonly StructuredOutputIssue[],
  ) {
    super(
      `The model's structured answer does not match its schema: ${issues
        .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '') + issue.message)
        .join('; ')}. The raw answer is in \`text\`.`,
    );
  }
}
