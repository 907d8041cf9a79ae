/** The scenarios a request can ask for with `x-emulator-scenario` or a model named `scenario:<name>`. */
export const SCENARIO_NAMES = [
  'rate-limit',
  'server-error',
  'unavailable-then-success',
  'status',
  'slow-first-byte',
  'slow-stream',
  'drop-connection',
  'no-done',
  'truncated',
  'ping',
  'usage-chunk',
  'hook-results',
  'after-done',
  'error-event',
  'guardrail-deny',
  'guardrail-warn',
  'invalid-object',
  'refusal',
] as const;

/** A scenario name. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** A scenario with its parameters, each read from an `x-emulator-*` header or defaulted. */
export interface Scenario {
  /** The scenario asked for, or `none` for a plain answer. */
  name: ScenarioName | 'none';
  /** `x-emulator-delay-ms`: the first-byte delay of `slow-first-byte`, the chunk pace of `slow-stream`. */
  delayMs: number;
  /** `x-emulator-after-chunks`: chunks sent before `drop-connection`, `truncated` or `error-event` strike. */
  afterChunks: number;
  /** `x-emulator-retry-after-ms`: the wait `rate-limit` asks for. */
  retryAfterMs: number;
  /** `x-emulator-fail-count`: failures before `unavailable-then-success` succeeds. */
  failCount: number;
  /** `x-emulator-status`: the status of `status` and of the failures of `unavailable-then-success`. */
  status: number;
  /** `x-emulator-scenario-key`: what counts failures for `unavailable-then-success`. */
  key: string | undefined;
}

/** The outcome of reading the scenario of a request. */
export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

const MODEL_PREFIX = 'scenario:';

function readNumber(
  headers: Record<string, string>,
  name: string,
  fallback: number,
  max: number,
): number {
  const raw = headers[name];
  const value = raw === undefined ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? Math.min(Math.floor(value), max) : fallback;
}

function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

/** Reads the scenario of a request from its headers, then from its model name. */
export function readScenario(headers: Record<string, string>, model: string): ScenarioResult {
  const fromHeader = headers['x-emulator-scenario']?.trim();
  const fromModel = model.startsWith(MODEL_PREFIX)
    ? model.slice(MODEL_PREFIX.length).trim()
    : undefined;
  const name = fromHeader || fromModel;
  if (name !== undefined && name !== '' && !isScenarioName(name)) {
    return {
      ok: false,
      message: `Unknown emulator scenario '${name}'. Known scenarios: ${SCENARIO_NAMES.join(', ')}.`,
    };
  }
  const chosen: Scenario['name'] = name && isScenarioName(name) ? name : 'none';
  const slowStream = chosen === 'slow-stream';
  const status = readNumber(headers, 'x-emulator-status', chosen === 'status' ? 500 : 503, 599);
  return {
    ok: true,
    scenario: {
      name: chosen,
      delayMs: readNumber(headers, 'x-emulator-delay-ms', slowStream ? 250 : 2000, 600_000),
      afterChunks: readNumber(headers, 'x-emulator-after-chunks', 3, 1_000_000),
      retryAfterMs: readNumber(headers, 'x-emulator-retry-after-ms', 1000, 86_400_000),
      failCount: readNumber(headers, 'x-emulator-fail-count', 1, 1_000_000),
      status: status >= 400 ? status : 500,
      key: headers['x-emulator-scenario-key'],
    },
  };
}
