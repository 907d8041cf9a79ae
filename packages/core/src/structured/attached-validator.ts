import type { OutputValidator } from './output-validator.js';

// A symbol key never reaches the wire: `JSON.stringify` skips it, while spreading the object
// into a new one keeps it.
const VALIDATOR: unique symbol = Symbol.for('chatwire.structured.validator') as never;

/** Something sent as plain JSON (a response format, a tool) that also carries the checker of what the model writes for it. */
export interface WithValidator<T> {
  /** The checker; never sent. */
  readonly [VALIDATOR]: OutputValidator<T>;
}

/** Attaches `validator` to `target`, which is returned. */
export function attachValidator<Target extends object, T>(
  target: Target,
  validator: OutputValidator<T>,
): Target & WithValidator<T> {
  return Object.assign(target, { [VALIDATOR]: validator });
}

/** The checker attached to `value`, or `undefined` when it has none. */
export function validatorOf<T>(value: unknown): OutputValidator<T> | undefined {
  if (typeof value !== 'object' || value === null || !(VALIDATOR in value)) return undefined;
  return (value as WithValidator<T>)[VALIDATOR];
}
