import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { type Loose, postChat } from './support/http.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

type Rgb = [number, number, number];

/** An image of `width` × `height` in `main`, with a stripe of `accent` along the left edge. */
function pixels(width: number, height: number, main: Rgb, accent: Rgb): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) {
    const colour = pixel % width < width / 5 ? accent : main;
    data.set([...colour, 255], pixel * 4);
  }
  return data;
}

function pngDataUrl(width: number, height: number, main: Rgb, accent: Rgb): string {
  const png = new PNG({ width, height });
  pixels(width, height, main, accent).copy(png.data);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

function jpegDataUrl(width: number, height: number, main: Rgb, accent: Rgb): string {
  const encoded = jpeg.encode({ data: pixels(width, height, main, accent), width, height }, 90);
  return `data:image/jpeg;base64,${encoded.data.toString('base64')}`;
}

async function describeImages(urls: string[], system?: string): Promise<string> {
  const content = [
    { type: 'text', text: 'What do you see?' },
    ...urls.map((url) => ({ type: 'image_url', image_url: { url } })),
  ];
  const messages = [
    ...(system ? [{ role: 'system', content: system }] : []),
    { role: 'user', content },
  ];
  const { json } = await postChat(emulator.url, { model: 'm', messages });
  return (json as Record<string, Loose>).choices[0].message.content;
}

describe('image answers', () => {
  it('gives the size and main colour of a PNG', async () => {
    const text = await describeImages([pngDataUrl(64, 48, [220, 30, 30], [255, 255, 255])]);
    expect(text).toMatch(/^I can see 1 image\. It is a 64 × 48 PNG, mostly red \(#dc1e1e\)\./);
  });

  it('gives the size and main colour of a JPEG', async () => {
    const text = await describeImages([jpegDataUrl(120, 80, [30, 80, 220], [250, 220, 40])]);
    expect(text).toMatch(
      /^I can see 1 image\. It is a 120 × 80 JPEG, mostly blue \(#[0-9a-f]{6}\)\./,
    );
  });

  it('describes each image of a message in turn, saying which it cannot open', async () => {
    const text = await describeImages([
      pngDataUrl(10, 10, [40, 170, 60], [0, 0, 0]),
      'https://example.com/cat.png',
      'data:image/png;base64,AAAA',
    ]);
    expect(text).toContain('I can see 3 images.');
    expect(text).toContain('The first is a 10 × 10 PNG, mostly green (#28aa3c).');
    expect(text).toContain(
      'The second is at https://example.com/cat.png, which I cannot open offline.',
    );
    expect(text).toContain('The third is a file I could not read as an image.');
  });

  it('describes the image in French when the system prompt asks for French', async () => {
    const text = await describeImages(
      [pngDataUrl(32, 32, [255, 140, 0], [0, 0, 0])],
      'Réponds en français.',
    );
    expect(text).toMatch(
      /^Je vois 1 image\. C’est un PNG de 32 × 32, surtout orange \(#ff8c00\)\./,
    );
  });
});
