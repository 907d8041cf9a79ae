/**
 * Where an error keeps the brands of its class and of every class above it. `Symbol.for` gives
 * the same symbol to every copy of this package in a process, so an error thrown by one copy is
 * recognised by another, where `instanceof` would fail.
 */
const BRANDS = Symbol.for('chatwire.error.brands');

interface Branded {
  readonly [BRANDS]: ReadonlySet<string>;
}

/** A class of the error hierarchy, as seen when collecting brands. */
interface ErrorClass {
  readonly brand?: string;
}

function brandsOf(errorClass: ErrorClass): Set<string> {
  const brands = new Set<string>();
  for (let current: ErrorClass | null = errorClass; current !== null; ) {
    if (Object.hasOwn(current, 'brand') && current.brand !== undefined) brands.add(current.brand);
    current = Object.getPrototypeOf(current) as ErrorClass | null;
  }
  return brands;
}

function hasBrand(value: unknown, brand: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const brands = (value as Partial<Branded>)[BRANDS];
  return typeof brands?.has === 'function' && brands.has(brand);
}

/**
 * Base class of every error chatwire throws, so callers can catch them all with one check.
 *
 * Use `XError.isInstance(error)` rather than `instanceof` where the error may come from another
 * copy of `@chatwire/core` (two versions installed side by side, a bundled and an external copy):
 * it answers for subclasses too, as `instanceof` would.
 */
export class ChatwireError extends Error {
  /** The stable name that identifies this class across copies of the package; one per class. */
  static readonly brand: string = 'ChatwireError';
  declare readonly [BRANDS]: ReadonlySet<string>;

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = (new.target as typeof ChatwireError).brand;
    Object.defineProperty(this, BRANDS, { value: brandsOf(new.target) });
  }

  /** Whether `error` is an instance of this class or of a subclass, from any copy of chatwire. */
  static isInstance<T extends abstract new (...args: never[]) => ChatwireError>(
    this: T & { readonly brand: string },
    error: unknown,
  ): error is InstanceType<T> {
    // `this` is the class the method is called on, so each subclass checks its own brand.
    // biome-ignore lint/complexity/noThisInStatic: the subclass's brand, not ChatwireError's
    return hasBrand(error, this.brand);
  }
}

/**
 * An option given to chatwire cannot be used as it is (a header value with a line break, a
 * metadata value that is too long, …). `option` names the offending option.
 */
export class InvalidOptionError extends ChatwireError {
  static override readonly brand: string = 'InvalidOptionError';

  constructor(
    /** The name of the option that was refused, e.g. `metadata._user`. */
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}
