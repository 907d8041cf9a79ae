import type { IncomingMessage } from 'node:http';

/** The body of a request, or why it could not be read. */
export type BodyResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large'; partial: string }
  | { ok: false; reason: 'aborted' };

/**
 * Reads a request body as UTF-8, up to `maxBytes`. A body announced or found to be larger is
 * refused as soon as that is known: the rest is not read.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const announced = Number(req.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes) {
    return Promise.resolve({ ok: false, reason: 'too-large', partial: '' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        finish({ ok: false, reason: 'too-large', partial: Buffer.concat(chunks).toString('utf8') });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    const onAbort = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
  });
}
