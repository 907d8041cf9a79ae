import type { TurnInfo, TurnOutcome, TurnStatus } from '@chatwire/core/server';

/** A turn's hash as Redis returns it. */
export type TurnHash = Record<string, string>;

/** The turn an owner may see from its hash, or `undefined` for a missing or foreign one. */
export function turnInfoOf(turnId: string, hash: TurnHash, owner: string): TurnInfo | undefined {
  if (hash.owner !== owner || hash.key === undefined) return undefined;
  const info: TurnInfo = {
    id: turnId,
    key: hash.key,
    status: (hash.status ?? 'running') as TurnStatus,
    createdAt: Number(hash.createdAt),
  };
  if (hash.outcome !== undefined) info.outcome = JSON.parse(hash.outcome) as TurnOutcome;
  return info;
}
