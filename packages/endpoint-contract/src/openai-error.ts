import { expect } from 'vitest';

/** Reads an error answer and checks it has OpenAI's shape: `{ error: { message, type, … } }`. */
export async function expectOpenAIError(
  response: Response,
): Promise<{ message: string; type: string }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error?: { message?: unknown; type?: unknown } };
  expect(body.error).toEqual(
    expect.objectContaining({ message: expect.any(String), type: expect.any(String) }),
  );
  expect(body.error?.message).not.toBe('');
  return body.error as { message: string; type: string };
}
