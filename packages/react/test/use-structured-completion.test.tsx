// @vitest-environment happy-dom
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Window as HappyDOMWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Recipe, RecipeCard } from './recipe-card.js';

let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator();
  (window as unknown as HappyDOMWindow).happyDOM.setURL(`${emulator.origin}/`);
});

afterEach(async () => {
  cleanup();
  await emulator.close();
});

const api = '/v1/chat/completions';
const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';

describe('useStructuredCompletion against @chatwire/emulator', () => {
  it('shows the object growing while it streams and the checked object at the end', async () => {
    const partials: string[] = [];
    let final: Recipe | undefined;
    render(
      <RecipeCard
        options={{
          api,
          body: { model: 'gpt-4o-mini' },
          headers: { 'x-emulator-token-delay-ms': '10' },
        }}
        onRender={(partial, object) => {
          const seen = JSON.stringify(partial);
          if (partial !== undefined && partials.at(-1) !== seen) partials.push(seen);
          final = object;
        }}
      />,
    );
    fireEvent.click(screen.getByText('Ask'));
    await waitFor(() => expect(text('checked')).toBe('checked'), { timeout: 10_000 });
    expect(text('status')).toBe('idle');
    expect(Recipe.parse(final)).toEqual(final);
    expect(text('title')).toBe(final?.title);
    // Frames coalesce chunks, yet the card still filled in over several renders, each larger.
    expect(partials.length).toBeGreaterThan(2);
    const lengths = partials.map((partial) => partial.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(emulator.requests[0]?.json).toMatchObject({
      stream: true,
      response_format: { type: 'json_schema', json_schema: { name: 'recipe', strict: true } },
    });
  });

  it('shows an object that breaks the schema as a StructuredOutputError', async () => {
    render(<RecipeCard options={{ api, body: { model: 'scenario:invalid-object' } }} />);
    fireEvent.click(screen.getByText('Ask'));
    await waitFor(() => expect(text('status')).toBe('error'), { timeout: 10_000 });
    expect(screen.getByRole('alert').textContent).toMatch(/^StructuredOutputError: /);
    expect(text('checked')).toBe('');
  });

  it('shows a refusal as such, with no object', async () => {
    render(<RecipeCard options={{ api, body: { model: 'scenario:refusal' } }} />);
    fireEvent.click(screen.getByText('Ask'));
    await waitFor(() => expect(text('refusal')).toMatch(/can't help/), { timeout: 10_000 });
    expect(text('status')).toBe('idle');
    expect(text('checked')).toBe('');
    expect(text('title')).toBe('');
  });
});
