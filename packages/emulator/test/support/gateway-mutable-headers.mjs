// Preloaded (`node --import`) into the open-source Portkey gateway process during tests.
// On Node 20 the Headers of a Response returned by the built-in fetch are immutable, and the
// gateway appends its x-portkey-* headers to the upstream Response it streams back, so every
// streamed request fails with "TypeError: immutable" and a 500. Handing the gateway Responses
// with mutable copies of their headers makes streaming work as it does on newer runtimes.
const originalFetch = globalThis.fetch;

globalThis.fetch = async function fetchWithMutableHeaders(...args) {
  const response = await originalFetch.apply(this, args);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: new Headers(response.headers),
  });
};
