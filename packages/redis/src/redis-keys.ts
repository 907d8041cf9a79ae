import { createHash } from 'node:crypto';

/** The Redis keys and channel of the turns stored under one prefix. */
export class RedisKeys {
  constructor(private readonly prefix: string) {}

  /** The hash of a turn: owner, key, status, createdAt, outcome, stop. */
  turn(turnId: string): string {
    return `${this.prefix}{${turnId}}`;
  }

  /** The stream of a turn's events, closed by one `end` entry. */
  events(turnId: string): string {
    return `${this.prefix}{${turnId}}:events`;
  }

  /** Present while the turn's producer is alive: it expires `producerTimeoutMs` after the last beat. */
  alive(turnId: string): string {
    return `${this.prefix}{${turnId}}:alive`;
  }

  /** The turn id of an owner's idempotency key; hashed, so no owner or key can forge another. */
  idempotency(owner: string, key: string): string {
    const digest = createHash('sha256')
      .update(JSON.stringify([owner, key]))
      .digest('hex');
    return `${this.prefix}key:${digest}`;
  }

  /** The pub/sub channel stop requests are published on, with the turn id as the message. */
  get stopChannel(): string {
    return `${this.prefix}stop`;
  }
}
