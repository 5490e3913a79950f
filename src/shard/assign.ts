/** `--shard i/n`: which shard a file belongs to, by a hash of its display path, the same on every machine. */
import { hash } from 'node:crypto';
import { UsageError } from '../errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard must be i/n with 1 <= i <= n, e.g. 2/4; got "${text}".`);
  }
  return { index, count };
}

/** The shard (1-based) of a file: a path's shard never depends on which other files the run has. */
export function shardOf(display: string, count: number): number {
  return (hash('sha256', display, 'buffer').readUInt32BE(0) % count) + 1;
}
