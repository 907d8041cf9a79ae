import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Rgb } from './colour-names.js';

/** What the scripted assistant can tell about one image of a message. */
export type ImageFacts =
  | { kind: 'read'; width: number; height: number; format: string; mainColour: Rgb | undefined }
  | { kind: 'remote'; url: string }
  | { kind: 'unreadable' };

/** Pixels sampled at most, so that a photo is described as fast as an icon. */
const MAX_SAMPLES = 40_000;

function decodeDataUrl(url: string): Buffer | undefined {
  const match = /^data:[^;,]*(?:;[^;,]*)*?(;base64)?,(.*)$/s.exec(url);
  if (!match) return undefined;
  const payload = match[2] ?? '';
  return match[1] ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload));
}

function pixelsOf(
  bytes: Buffer,
  format: string,
): { data: Uint8Array; width: number; height: number } | undefined {
  if (format === 'png') return PNG.sync.read(bytes);
  if (format === 'jpg') {
    return jpeg.decode(bytes, { useTArray: true, maxMemoryUsageInMB: 256, maxResolutionInMP: 50 });
  }
  return undefined;
}

/**
 * The most common colour of an image: pixels are grouped into coarse colour boxes (3 bits a
 * channel), transparent ones ignored, and the fullest box's pixels averaged.
 */
function mainColour(image: { data: Uint8Array; width: number; height: number }): Rgb | undefined {
  const pixels = image.width * image.height;
  const step = Math.max(1, Math.floor(pixels / MAX_SAMPLES));
  const boxes = new Map<number, [number, number, number, number]>();
  for (let pixel = 0; pixel < pixels; pixel += step) {
    const at = pixel * 4;
    const [r, g, b, a] = [0, 1, 2, 3].map((offset) => image.data[at + offset] ?? 0) as [
      number,
      number,
      number,
      number,
    ];
    if (a < 128) continue;
    const key = ((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5);
    const box = boxes.get(key) ?? [0, 0, 0, 0];
    box[0] += r;
    box[1] += g;
    box[2] += b;
    box[3] += 1;
    boxes.set(key, box);
  }
  let fullest: [number, number, number, number] | undefined;
  for (const box of boxes.values()) if (!fullest || box[3] > fullest[3]) fullest = box;
  if (!fullest) return undefined;
  const [r, g, b, count] = fullest;
  return [Math.round(r / count), Math.round(g / count), Math.round(b / count)];
}

/** Reads an image part's URL: size and format of any common format, main colour of PNG and JPEG. */
export function readImageFacts(url: string): ImageFacts {
  if (/^https?:/i.test(url)) return { kind: 'remote', url };
  try {
    const bytes = decodeDataUrl(url);
    if (!bytes) return { kind: 'unreadable' };
    const { width, height, type = 'image' } = imageSize(bytes);
    // A few bytes can pass for a headerless format (TGA) of no size: that is no image.
    if (!(width > 0 && height > 0)) return { kind: 'unreadable' };
    const pixels = pixelsOf(bytes, type);
    return {
      kind: 'read',
      width,
      height,
      format: type === 'jpg' ? 'JPEG' : type.toUpperCase(),
      mainColour: pixels ? mainColour(pixels) : undefined,
    };
  } catch {
    return { kind: 'unreadable' };
  }
}
