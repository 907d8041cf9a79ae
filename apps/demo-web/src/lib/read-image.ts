/** The longest side, in pixels, of an image sent to the model; vision models downscale anyway. */
const MAX_SIDE = 1024;

/**
 * Reads an image file as a `data:` URL for an `image_url` part. Large pictures are scaled down
 * and re-encoded as JPEG first, so that a phone photo stays well inside the server's request
 * size limit; small ones are sent as they are.
 */
export async function readImageAsDataUrl(file: File): Promise<string> {
  if (!file.type.startsWith('image/')) {
    throw new Error(`${file.name} is not an image.`);
  }
  const original = await readAsDataUrl(file);
  const bitmap = await createImageBitmap(file).catch(() => undefined);
  if (bitmap === undefined) return original;
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size <= 100_000) return original;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (context === null) return original;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.85);
  } finally {
    bitmap.close();
  }
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}
