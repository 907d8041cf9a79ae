/** The module `@opentelemetry/api`. */
export type OpenTelemetryApi = typeof import('@opentelemetry/api');

// An optional peer: imported by a name the bundlers do not follow, once, when this module
// loads (only Node entry points load it), so that reading it later stays synchronous.
const OPENTELEMETRY_API = '@opentelemetry/api';
let api: OpenTelemetryApi | undefined;
import(/* webpackIgnore: true */ /* @vite-ignore */ OPENTELEMETRY_API).then(
  (loaded: OpenTelemetryApi) => {
    api = loaded;
  },
  () => undefined,
);

/** `@opentelemetry/api`, once loaded; `undefined` when it is not installed (or not yet loaded). */
export function openTelemetryApi(): OpenTelemetryApi | undefined {
  return api;
}
