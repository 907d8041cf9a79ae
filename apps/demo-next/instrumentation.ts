/**
 * Runs once as the server starts, before it serves a request: connects the upstream (starting
 * the emulator when there is no Portkey key), so that the first chat does not wait for it and
 * the log says at once what the demo talks to.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { demoUpstream } = await import('./server/upstream');
  await demoUpstream();
}
