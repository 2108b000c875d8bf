// `npm ci` (the README's first command) refuses a lockfile that lacks an optional platform package it names.
import { readFileSync } from 'node:fs';

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

describe('package-lock.json', () => {
  it('has an entry for every optional platform package a dependency names (scripts/lock-optional-platforms.mjs adds them)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!lock.packages[`node_modules/${name}`] && !lock.packages[`${path}/node_modules/${name}`]) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
  });
});
