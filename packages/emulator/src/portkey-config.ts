/** The parts of a Portkey config the emulator acts on. */
export interface PortkeyConfigNode {
  provider?: string;
  virtual_key?: string;
  strategy?: {
    mode: 'single' | 'loadbalance' | 'fallback' | 'conditional';
    on_status_codes?: number[];
    default?: string;
  };
  targets?: PortkeyConfigNode[];
  name?: string;
  weight?: number;
  retry?: { attempts?: number; on_status_codes?: number[] };
  cache?: { mode?: 'simple' | 'semantic'; max_age?: number };
  request_timeout?: number;
  override_params?: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function expected(issues: string[], path: string[], type: string, value: unknown): void {
  issues.push(`path: ${path.join(',')}, message: Expected ${type}, received ${describe(value)}`);
}

function checkNumberArray(value: unknown, path: string[], issues: string[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    expected(issues, path, 'array', value);
    return;
  }
  for (const [index, item] of value.entries()) {
    if (typeof item !== 'number') expected(issues, [...path, String(index)], 'number', item);
  }
}

function checkNode(node: unknown, path: string[], issues: string[]): void {
  if (!isRecord(node)) {
    expected(issues, path, 'object', node);
    return;
  }
  const { strategy, targets, retry, cache } = node;
  if (strategy !== undefined) {
    if (!isRecord(strategy)) {
      expected(issues, [...path, 'strategy'], 'object', strategy);
    } else {
      const modes = ['single', 'loadbalance', 'fallback', 'conditional'];
      if (typeof strategy.mode !== 'string' || !modes.includes(strategy.mode)) {
        issues.push(`path: ${[...path, 'strategy', 'mode'].join(',')}, message: Invalid input`);
      }
      checkNumberArray(strategy.on_status_codes, [...path, 'strategy', 'on_status_codes'], issues);
    }
  }
  if (targets !== undefined) {
    if (!Array.isArray(targets)) expected(issues, [...path, 'targets'], 'array', targets);
    else {
      for (const [index, target] of targets.entries()) {
        checkNode(target, [...path, 'targets', String(index)], issues);
      }
    }
  }
  if (retry !== undefined) {
    if (!isRecord(retry)) {
      expected(issues, [...path, 'retry'], 'object', retry);
    } else {
      if (retry.attempts !== undefined && typeof retry.attempts !== 'number') {
        expected(issues, [...path, 'retry', 'attempts'], 'number', retry.attempts);
      }
      checkNumberArray(retry.on_status_codes, [...path, 'retry', 'on_status_codes'], issues);
    }
  }
  if (cache !== undefined) {
    if (!isRecord(cache)) {
      expected(issues, [...path, 'cache'], 'object', cache);
    } else {
      if (cache.mode !== undefined && cache.mode !== 'simple' && cache.mode !== 'semantic') {
        issues.push(`path: ${[...path, 'cache', 'mode'].join(',')}, message: Invalid input`);
      }
      if (cache.max_age !== undefined && typeof cache.max_age !== 'number') {
        expected(issues, [...path, 'cache', 'max_age'], 'number', cache.max_age);
      }
    }
  }
  for (const key of ['request_timeout', 'weight'] as const) {
    if (node[key] !== undefined && typeof node[key] !== 'number')
      expected(issues, [...path, key], 'number', node[key]);
  }
  if (node.override_params !== undefined && !isRecord(node.override_params)) {
    expected(issues, [...path, 'override_params'], 'object', node.override_params);
  }
}

/**
 * Checks the fields of a config that the emulator acts on, returning the gateway's issue strings
 * (`path: a,b, message: …`); an empty list means the config is usable.
 */
export function configIssues(config: unknown): string[] {
  const issues: string[] = [];
  checkNode(config, [], issues);
  return issues;
}

/** Whether a config names where to send the request, as the gateway requires without a provider header. */
export function hasProviderDetails(config: Record<string, unknown>): boolean {
  return (
    config.provider !== undefined ||
    config.targets !== undefined ||
    config.virtual_key !== undefined
  );
}
