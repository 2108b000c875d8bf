// The first ```sh block of a README section, one command per line, comments dropped: what the README tests run.
import { readFileSync } from 'node:fs';

/**
 * @example readmeLines('## Scaling out') // ['npx newsgraph extract corpus --shard 1/2 --with-text > part-1.jsonl', ...]
 */
export function readmeLines(section: string): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const at = readme.indexOf(section);
  if (at < 0) throw new Error(`README.md has no section "${section}"`);
  const block = /```sh\n([\s\S]*?)```/u.exec(readme.slice(at))?.[1];
  if (block === undefined) throw new Error(`README.md section "${section}" has no sh code block`);
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/u, '').trim())
    .filter((line) => line !== '');
}

/** The same lines split into words. */
export function readmeCommands(section: string): string[][] {
  return readmeLines(section).map((line) => line.split(/\s+/u));
}
