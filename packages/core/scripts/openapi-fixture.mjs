// Extracts from Portkey's OpenAPI spec the property names (and which are required) of every
// Chat Completions schema the types in src/types describe, so a test can tell when the spec
// gains a property the types lack. Only names are kept: no descriptions, no examples.
//
// Usage: node scripts/openapi-fixture.mjs path/to/portkey-openapi.yaml
// (Portkey publishes the spec with its open-source API reference.)

import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (!process.argv[2]) {
  console.error('usage: node scripts/openapi-fixture.mjs path/to/portkey-openapi.yaml');
  process.exit(2);
}
const specPath = resolve(process.argv[2]);
const outputPath = resolve(packageRoot, 'test/fixtures/openapi-properties.json');

/**
 * Schemas to extract, each a component name followed by the steps into it: `.name` enters a
 * property, `[]` the items of an array.
 */
const SCHEMA_PATHS = [
  'CreateChatCompletionRequest',
  'CreateChatCompletionRequest.thinking',
  'CreateChatCompletionResponse',
  'CreateChatCompletionResponse.choices[]',
  'CreateChatCompletionResponse.choices[].logprobs',
  'ChatCompletionResponseMessage',
  'ChatCompletionResponseMessage.function_call',
  'CreateChatCompletionStreamResponse',
  'CreateChatCompletionStreamResponse.choices[]',
  'CreateChatCompletionStreamResponse.choices[].logprobs',
  'CreateChatCompletionStreamResponse.usage',
  'ChatCompletionStreamResponseDelta',
  'ChatCompletionStreamResponseDelta.function_call',
  'CompletionUsage',
  'CompletionUsage.completion_tokens_details',
  'CompletionUsage.prompt_tokens_details',
  'ChatCompletionTokenLogprob',
  'ChatCompletionTokenLogprob.top_logprobs[]',
  'ChatCompletionRequestSystemMessage',
  'ChatCompletionRequestDeveloperMessage',
  'ChatCompletionRequestUserMessage',
  'ChatCompletionRequestAssistantMessage',
  'ChatCompletionRequestAssistantMessage.function_call',
  'ChatCompletionRequestToolMessage',
  'ChatCompletionRequestFunctionMessage',
  'ChatCompletionRequestMessageContentPartText',
  'ChatCompletionRequestMessageContentPartImage',
  'ChatCompletionRequestMessageContentPartImage.image_url',
  'ChatCompletionMessageContentPartThinking',
  'ChatCompletionMessageContentPartRedactedThinking',
  'ChatCompletionTool',
  'FunctionObject',
  'ChatCompletionFunctions',
  'ChatCompletionNamedToolChoice',
  'ChatCompletionNamedToolChoice.function',
  'ChatCompletionFunctionCallOption',
  'ChatCompletionMessageToolCall',
  'ChatCompletionMessageToolCall.function',
  'ChatCompletionMessageToolCallChunk',
  'ChatCompletionMessageToolCallChunk.function',
  'ChatCompletionStreamOptions',
  'ResponseFormatText',
  'ResponseFormatJsonObject',
  'ResponseFormatJsonSchema',
  'ResponseFormatJsonSchema.json_schema',
];

const spec = parse(await readFile(specPath, 'utf8'), { maxAliasCount: -1 });
const components = spec?.components?.schemas;
if (!components) throw new Error(`${specPath} has no components.schemas`);

/** Follows `$ref`s (local ones only) until a schema object remains. */
function dereference(schema, seen = new Set()) {
  if (!schema || typeof schema.$ref !== 'string') return schema;
  const prefix = '#/components/schemas/';
  if (!schema.$ref.startsWith(prefix)) throw new Error(`unsupported $ref ${schema.$ref}`);
  const name = schema.$ref.slice(prefix.length);
  if (seen.has(name)) throw new Error(`circular $ref ${name}`);
  const target = components[name];
  if (!target) throw new Error(`$ref to missing schema ${name}`);
  return dereference(target, new Set([...seen, name]));
}

/** The properties and required names of a schema, with every `allOf` member merged in. */
function flatten(schema) {
  const resolved = dereference(schema);
  const properties = { ...(resolved.properties ?? {}) };
  const required = new Set(resolved.required ?? []);
  for (const member of resolved.allOf ?? []) {
    const part = flatten(member);
    Object.assign(properties, part.properties);
    for (const name of part.required) required.add(name);
  }
  return { properties, required };
}

function schemaAt(path) {
  const [componentName, ...steps] = path.split(/\.|(?=\[\])/);
  let schema = components[componentName];
  if (!schema) throw new Error(`spec has no schema ${componentName}`);
  for (const step of steps) {
    if (step === '[]') {
      schema = dereference(schema).items;
    } else {
      schema = flatten(schema).properties[step];
    }
    if (!schema) throw new Error(`spec has no ${path} (stopped at ${step})`);
  }
  return schema;
}

const schemas = {};
for (const path of SCHEMA_PATHS) {
  const { properties, required } = flatten(schemaAt(path));
  const names = Object.keys(properties).sort();
  if (names.length === 0) throw new Error(`${path} declares no properties`);
  schemas[path] = { properties: names, required: [...required].sort() };
}

const fixture = {
  source: basename(specPath),
  specVersion: String(spec.info?.version ?? ''),
  schemas,
};
await writeFile(outputPath, `${JSON.stringify(fixture, null, 2)}\n`);
console.log(
  `wrote ${Object.keys(schemas).length} schemas to ${relative(process.cwd(), outputPath)}`,
);
