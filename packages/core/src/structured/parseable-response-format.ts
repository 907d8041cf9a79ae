import type { ResponseFormatJSONSchema } from '../types/index.js';
import type { WithValidator } from './attached-validator.js';

/**
 * A `json_schema` response format that also knows how to check the answer, made by
 * `zodResponseFormat` or `jsonSchemaResponseFormat`. It is sent as a plain `response_format`;
 * `parse`, `streamObject` and the structured store check the answer with it.
 *
 * @typeParam T The type of a valid answer.
 */
export type ParseableResponseFormat<T> = ResponseFormatJSONSchema & WithValidator<T>;
