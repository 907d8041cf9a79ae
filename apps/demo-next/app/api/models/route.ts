import { demoChatModels } from '@/server/chat-models';
import { demoUpstream } from '@/server/upstream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `GET /api/models`: `{ models, defaultModel, emulator }`, for the page's model picker. */
export async function GET(): Promise<Response> {
  const upstream = await demoUpstream();
  return Response.json(demoChatModels(upstream.emulator));
}
