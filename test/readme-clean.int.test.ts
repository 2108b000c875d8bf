// The README's "Keeping the graph clean" examples, run as written (npx newsgraph = the built bin) in a folder whose
// wire/ holds a story, its reprint and another story on the same topic.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { openStore } from '../src/store/index.js';
import type { Counts } from '../src/store/types.js';
import { readmeCommands as commandsOf } from './readme-examples.js';

const SECTION = '## Keeping the graph clean';
const CLI = join(process.cwd(), 'dist', 'cli.js');

function readmeCommands(): string[][] {
  return commandsOf(SECTION);
}

let dir: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'ng-readme-clean-'));
  mkdirSync(join(dir, 'wire'));
  for (const f of ['wire-original', 'wire-reprint', 'same-topic-other-story']) copyFileSync(`test/fixtures/dedup/${f}.txt`, join(dir, 'wire', `${f}.txt`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function counts(db: string): Promise<Counts> {
  const store = await openStore({ store: 'embedded', db: join(dir, db), readOnly: true });
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
}

describe('README: Keeping the graph clean', () => {
  const commands = readmeCommands();
  const run = (i: number) => {
    const [npx, bin, ...args] = commands[i]!;
    expect(`${npx} ${bin}`).toBe('npx newsgraph');
    const r = spawnSync(process.execPath, [CLI, ...args, ...(args[0] === 'ingest' ? ['--workers', '1', '--quiet'] : [])], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('has the seven examples this test runs, in order', () => {
    expect(commands.map((c) => c[2])).toEqual(['ingest', 'ingest', 'remove', 'export', 'load', 'export', 'export']);
  });

  it('runs each example as written', async () => {
    const ingested = run(0);
    expect(ingested).toMatchObject({ code: 0, stderr: expect.stringMatching(/1 reprint\(s\) linked DUPLICATE_OF/u) });
    const first = await counts('.newsgraph');
    expect(first.nodes['Article']).toBe(3);
    expect(first.relationships['DUPLICATE_OF']).toBe(1);

    expect(run(1).code).toBe(0);
    const all = await counts('all-copies');
    expect(all.relationships['DUPLICATE_OF']).toBe(0);
    expect(all.nodes['Event']).toBeGreaterThan(first.nodes['Event']!);

    expect(run(2)).toMatchObject({ code: 0, stdout: expect.stringMatching(/removed 1 of 1 articles/u) });
    const afterRemove = await counts('.newsgraph');
    expect(afterRemove.nodes).toEqual({ ...first.nodes, Article: 2 });
    expect(afterRemove.relationships).toEqual({ ...first.relationships, DUPLICATE_OF: 0 });

    expect(run(3)).toMatchObject({ code: 0, stdout: expect.stringMatching(/exported 2 articles/u) });
    expect(readFileSync(join(dir, 'graph.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(run(4)).toMatchObject({ code: 0, stdout: expect.stringMatching(/loaded 2 records \(2 new/u) });
    expect(await counts('copy')).toEqual(afterRemove);

    const csv = run(5);
    expect(csv).toMatchObject({ code: 0, stdout: expect.stringMatching(/-admin database import full \S+ --nodes=nodes-Article\.csv/u) });
    expect(readdirSync(join(dir, 'import'))).toEqual(expect.arrayContaining(['nodes-Article.csv', 'nodes-Person.csv', 'relationships-MENTIONS.csv', 'relationships-DUPLICATE_OF.csv']));

    expect(run(6).code).toBe(0);
    expect(XMLValidator.validate(readFileSync(join(dir, 'graph.graphml'), 'utf8'))).toBe(true);
  }, 180_000);
});
