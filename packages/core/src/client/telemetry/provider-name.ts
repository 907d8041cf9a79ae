// Portkey's provider slugs whose name in the GenAI semantic conventions differs.
const WELL_KNOWN: Readonly<Record<string, string>> = {
  'azure-openai': 'azure.ai.openai',
  'azure-ai': 'azure.ai.inference',
  bedrock: 'aws.bedrock',
  'vertex-ai': 'gcp.vertex_ai',
  google: 'gcp.gemini',
  'mistral-ai': 'mistral_ai',
  'perplexity-ai': 'perplexity',
  'x-ai': 'x_ai',
  watsonx: 'ibm.watsonx.ai',
};

/**
 * `gen_ai.provider.name` of a call: the provider its `x-portkey-provider` header names (in the
 * semantic conventions' spelling where they have one), else `portkey`, also for a provider of
 * Portkey's model catalog (`@slug`), whose upstream only Portkey knows.
 */
export function providerName(providerHeader: string | undefined): string {
  if (providerHeader === undefined || providerHeader === '' || providerHeader.startsWith('@')) {
    return 'portkey';
  }
  const slug = providerHeader.toLowerCase();
  return WELL_KNOWN[slug] ?? slug;
}
