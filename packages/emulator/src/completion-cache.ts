import { cacheKey } from './cache.js';
import type { RenderedCompletion } from './completion-builder.js';
import type { HttpContext } from './http-context.js';
import type { PortkeyRequestOptions } from './portkey-validation.js';

/** The cache as one request sees it: whether it caches, and its key. */
export class CompletionCache {
  readonly #ctx: HttpContext;
  readonly #enabled: boolean;
  readonly #forceRefresh: boolean;
  readonly #key: string;
  readonly #maxAge: number | undefined;

  constructor(ctx: HttpContext, options: PortkeyRequestOptions | undefined) {
    const settings = options?.config?.cache;
    this.#ctx = ctx;
    this.#enabled = settings !== undefined;
    this.#forceRefresh = ctx.headers['x-portkey-cache-force-refresh'] !== undefined;
    this.#maxAge = settings?.max_age;
    this.#key = this.#enabled
      ? cacheKey({
          body: ctx.body,
          metadata: ctx.headers['x-portkey-metadata'],
          namespace: ctx.headers['x-portkey-cache-namespace'],
        })
      : '';
  }

  /** The cached answer, unless caching is off or a refresh was asked for. */
  lookup(): RenderedCompletion | undefined {
    return this.#enabled && !this.#forceRefresh ? this.#ctx.state.cache.get(this.#key) : undefined;
  }

  /** The `x-portkey-cache-status` of an answer that did not come from the cache. */
  get missStatus(): 'MISS' | 'REFRESH' | 'DISABLED' {
    if (!this.#enabled) return 'DISABLED';
    return this.#forceRefresh ? 'REFRESH' : 'MISS';
  }

  /** Keeps a fresh answer, when caching is on. */
  store(rendered: RenderedCompletion): void {
    if (this.#enabled) this.#ctx.state.cache.set(this.#key, rendered, this.#maxAge);
  }
}
