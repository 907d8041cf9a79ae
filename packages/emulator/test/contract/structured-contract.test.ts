import { StructuredOutputError, streamObject, zodResponseFormat } from '@chatwire/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useGatewayPair } from '../support/gateway-pair.js';

const Recipe = z.object({
  title: z.string(),
  servings: z.number().int(),
  ingredients: z.array(z.object({ name: z.string(), quantity: z.string() })),
  steps: z.array(z.string()),
});

const messages = [{ role: 'user' as const, content: 'A recipe for pancakes, please.' }];

const pair = useGatewayPair();

describe('structured answers through the open-source gateway', () => {
  it('parse gives the same object through the gateway as from the emulator', async () => {
    const body = {
      model: 'gpt-4o-mini',
      messages,
      response_format: zodResponseFormat(Recipe, 'recipe'),
    };
    const [fromEmulator, fromGateway] = [
      await pair.direct.chat.completions.parse(body),
      await pair.viaGateway.chat.completions.parse(body),
    ];
    expect(fromGateway.choices[0]?.message.parsed).toEqual(fromEmulator.choices[0]?.message.parsed);
    expect(Recipe.parse(fromGateway.choices[0]?.message.parsed)).toBeTruthy();
  });

  it('a streamed object through the gateway grows and ends validated', async () => {
    const format = zodResponseFormat(Recipe, 'recipe');
    const stream = streamObject(
      await pair.viaGateway.chat.completions.create({
        model: 'gpt-4o-mini',
        messages,
        response_format: format,
        stream: true,
      }),
      format,
    );
    const sizes: number[] = [];
    for await (const partial of stream) sizes.push(JSON.stringify(partial).length);
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(Recipe.parse(await stream.finalObject())).toBeTruthy();
  });

  it('an invalid object through the gateway is a StructuredOutputError with the raw text', async () => {
    const error = await pair.viaGateway.chat.completions
      .parse({
        model: 'scenario:invalid-object',
        messages,
        response_format: zodResponseFormat(Recipe, 'recipe'),
      })
      .catch((caught: unknown) => caught);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect((error as StructuredOutputError).text).toContain('unexpected_property');
  });

  it('a refusal through the gateway leaves parsed null and keeps the refusal', async () => {
    const completion = await pair.viaGateway.chat.completions.parse({
      model: 'scenario:refusal',
      messages,
      response_format: zodResponseFormat(Recipe, 'recipe'),
    });
    expect(completion.choices[0]?.message.parsed).toBeNull();
    expect(completion.choices[0]?.message.refusal).toMatch(/can't help/);
  });
});
