import type { PortkeyConfigNode } from './portkey-config.js';

/** The retry policy of a target. */
export interface RetryPolicy {
  attempts: number;
  onStatusCodes: number[];
}

/** One target to try, in order, with what it inherits from the configs around it. */
export interface PlannedTarget {
  /** The value of `x-portkey-last-used-option-index` when this target answers, e.g. `config.targets[1]`. */
  path: string;
  retry: RetryPolicy | undefined;
  requestTimeout: number | undefined;
  overrideParams: Record<string, unknown>;
  /** Statuses on which the next target is tried instead of answering; `undefined` for the last one. */
  fallbackOn: ((status: number) => boolean) | undefined;
}

const DEFAULT_RETRY_STATUS_CODES = [429, 500, 502, 503, 504];
const MAX_RETRY_ATTEMPTS = 5;

interface Inherited {
  retry: RetryPolicy | undefined;
  requestTimeout: number | undefined;
  overrideParams: Record<string, unknown>;
}

function inherit(node: PortkeyConfigNode, parent: Inherited): Inherited {
  const retry = node.retry
    ? {
        attempts: Math.min(Math.max(0, Math.floor(node.retry.attempts ?? 0)), MAX_RETRY_ATTEMPTS),
        onStatusCodes: node.retry.on_status_codes ?? DEFAULT_RETRY_STATUS_CODES,
      }
    : parent.retry;
  return {
    retry,
    requestTimeout: node.request_timeout ?? parent.requestTimeout,
    overrideParams: { ...parent.overrideParams, ...(node.override_params ?? {}) },
  };
}

function chooseOne(node: PortkeyConfigNode, targets: PortkeyConfigNode[]): number {
  if (node.strategy?.mode === 'conditional') {
    const named = targets.findIndex(
      (target) => target.name !== undefined && target.name === node.strategy?.default,
    );
    return Math.max(named, 0);
  }
  if (node.strategy?.mode === 'loadbalance') {
    // Deterministic stand-in for weighted random choice: the heaviest target, first on ties.
    let best = 0;
    targets.forEach((target, index) => {
      if ((target.weight ?? 1) > (targets[best]?.weight ?? 1)) best = index;
    });
    return best;
  }
  return 0;
}

function plan(node: PortkeyConfigNode, path: string, parent: Inherited): PlannedTarget[] {
  const own = inherit(node, parent);
  const targets = node.targets ?? [];
  if (targets.length === 0) return [{ path, ...own, fallbackOn: undefined }];
  if (node.strategy?.mode === 'fallback') {
    const codes = node.strategy.on_status_codes;
    const fallbackOn = (status: number) => (codes ? codes.includes(status) : status >= 400);
    return targets.flatMap((target, index) => {
      const inner = plan(target, `${path}.targets[${index}]`, own);
      const last = index === targets.length - 1;
      return inner.map((leaf) => (last || leaf.fallbackOn ? leaf : { ...leaf, fallbackOn }));
    });
  }
  const index = chooseOne(node, targets);
  const chosen = targets[index];
  return chosen
    ? plan(chosen, `${path}.targets[${index}]`, own)
    : [{ path, ...own, fallbackOn: undefined }];
}

/**
 * Flattens a config into the targets to try in order, as the gateway walks them: every target of
 * a fallback, the heaviest of a load balance (the gateway picks at random by weight), the named
 * default (or first) target of a conditional strategy. Retry, request timeout and override
 * params are inherited by nested targets.
 */
export function planTargets(
  config: PortkeyConfigNode | undefined,
  headerTimeout: number | undefined,
): PlannedTarget[] {
  const root: Inherited = { retry: undefined, requestTimeout: headerTimeout, overrideParams: {} };
  return config
    ? plan(config, 'config', root)
    : [{ path: 'config', ...root, fallbackOn: undefined }];
}
