/** A route handler: a web-standard request in, a response out. */
export type RouteHandler = (request: Request) => Promise<Response>;

/**
 * The route handler that `make` resolves to, made when the first request arrives rather than
 * when the route's module loads: `next build` loads every route's module too, and making the
 * handler may start the emulator (see `demoUpstream`).
 */
export function onFirstRequest(make: () => Promise<RouteHandler>): RouteHandler {
  let handler: Promise<RouteHandler> | undefined;
  return async (request) => {
    handler ??= make();
    return (await handler)(request);
  };
}
