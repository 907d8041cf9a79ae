// Express 4 is installed under the alias `express4` beside Express 5, whose types
// @types/express provides; the smoke test needs only this much of Express 4's surface.
declare module 'express4' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Handler = (
    request: IncomingMessage,
    response: ServerResponse,
    next: (error?: unknown) => void,
  ) => void;

  interface Application {
    (request: IncomingMessage, response: ServerResponse): void;
    post(path: string, ...handlers: Handler[]): Application;
  }

  export default function express(): Application;
}
