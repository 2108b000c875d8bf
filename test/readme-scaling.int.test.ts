// The README's "Scaling out" example, run as written (npx newsgraph = the built bin; "> file" writes stdout there)
// in a folder holding a copy of corpus/: the two shards loaded give the graph `ingest corpus` gives.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import type { Counts } from '../src/store/types.js';
import { readmeLines } from './readme-examples.js';

const SECTION = '## Scaling out';
const CLI = join(process.cwd(), 'dist', 'cli.js');


async function counts(db: string): Promise<Counts> {
  const store = await openStore({ store: 'embedded', db, readOnly: true });
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
}

describe('README: Scaling out', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
    dir = mkdtempSync(join(tmpdir(), 'ng-readme-scale-'));
    cpSync('corpus', join(dir, 'corpus'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('extracts two shards, loads them, and gets the graph of one ingest', async () => {
    const commands = readmeLines(SECTION);
    expect(commands.map((c) => c.split(/\s+/u)[2])).toEqual(['extract', 'extract', 'load', 'query']);
    let last = '';
    for (const line of commands) {
      const [cmd, out] = line.split(/\s+>\s+/u);
      const [npx, bin, ...args] = cmd!.split(/\s+/u);
      expect(`${npx} ${bin}`).toBe('npx newsgraph');
      const extra = args[0] === 'extract' ? ['--workers', '1'] : args[0] === 'load' ? ['--quiet'] : [];
      const r = spawnSync(process.execPath, [CLI, ...args, ...extra], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
      expect({ line, code: r.status, stderr: r.stderr.split('\n').filter((l) => /error/iu.test(l)) }).toEqual({ line, code: 0, stderr: [] });
      if (out) writeFileSync(join(dir, out), r.stdout);
      last = r.stdout;
    }
    expect(last).toMatch(/accuser\s+accused/u);
    const loaded = await counts(join(dir, '.newsgraph'));
    const once = spawnSync(process.execPath, [CLI, 'ingest', 'corpus', '--db', 'ingested', '--workers', '1', '--quiet'], { cwd: dir, encoding: 'utf8' });
    expect(once.status).toBe(0);
    expect(loaded).toEqual(await counts(join(dir, 'ingested')));
  }, 300_000);
});
