import { inShard, parseShard, shardOf } from '../../src/input/shard.js';

describe('shards', () => {
  it('parses i/n and refuses the rest', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '2']) expect(() => parseShard(bad)).toThrow(/--shard/u);
  });
  it('puts every id in exactly one shard, stably, and spreads them', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `article-${i}`);
    const n = 4;
    const sizes = [0, 0, 0, 0];
    for (const id of ids) {
      const owners = [1, 2, 3, 4].filter((i) => inShard(id, { index: i, count: n }));
      expect(owners).toHaveLength(1);
      expect(shardOf(id, n)).toBe(owners[0]);
      sizes[owners[0]! - 1]! += 1;
    }
    for (const s of sizes) expect(s).toBeGreaterThan(400);
  });
});
