import { connectUpstream, type Upstream } from 'demo-express/upstream';

const UPSTREAM = Symbol.for('demo-next.upstream');

async function connect(): Promise<Upstream> {
  const upstream = await connectUpstream(process.env);
  console.log(`Talking to ${upstream.description}.`);
  return upstream;
}

/**
 * Where this server's chat requests go, connected on first use: Portkey when `PORTKEY_API_KEY`
 * is set, else the chatwire emulator started in this process (`connectUpstream` of
 * demo-express). `instrumentation.ts` asks for it as the server starts, before any request.
 *
 * Instrumentation and each route are entries of their own in Next's server build and need not
 * share module instances, so the promise is kept on `globalThis`: one upstream per process.
 */
export function demoUpstream(): Promise<Upstream> {
  const processWide = globalThis as { [UPSTREAM]?: Promise<Upstream> };
  processWide[UPSTREAM] ??= connect();
  return processWide[UPSTREAM];
}
