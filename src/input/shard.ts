// Stable sharding of articles by id, for extraction spread over machines: "--shard 2/4" takes a quarter of them.
import { ConfigError } from '../errors.js';

export interface Shard {
  /** 1-based shard number. */
  readonly index: number;
  readonly count: number;
}

/**
 * Parses "i/n" (1 ≤ i ≤ n).
 * @example parseShard('2/4') // { index: 2, count: 4 }
 */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/u.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ConfigError(`--shard "${text}" is not i/n with 1 <= i <= n (e.g. --shard 2/4)`, { option: 'shard' });
  }
  return { index, count };
}

/** FNV-1a over the id's UTF-16 code units: the same article lands in the same shard on every machine. */
export function shardOf(id: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % count) + 1;
}

/** True when the article with this id belongs to the shard. */
export function inShard(id: string, shard: Shard): boolean {
  return shardOf(id, shard.count) === shard.index;
}
