// The published package works for a developer: npm pack, install the tarball in a new project, use the API from
// plain Node (ESM) and from TypeScript.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the npm package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-pack-'));
  let tarball = '';

  beforeAll(() => {
    const out = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], process.cwd())) as { filename: string; files: { path: string }[] }[];
    tarball = join(dir, out[0]!.filename);
    const files = out[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'queries/accusations.cypher', 'models/ner.model.json.gz', 'schema/extraction.schema.json']));
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('corpus/'))).toBe(false);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir);
  }, 300_000);

  it("runs the README's library example as written from plain Node", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Using newsgraph as a library'));
    const example = /```js\n([\s\S]*?)```/u.exec(section)?.[1];
    expect(example).toMatch(/from 'newsgraph'/u);
    writeFileSync(join(dir, 'use.mjs'), example!);
    const out = execFileSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(out).toMatch(/LOC China/u);
    expect(out).toMatch(/^1 \[/mu); // one article created, then the accusations rows
    const check = `import { openStore, runQuery } from 'newsgraph';
const store = await openStore({ store: 'embedded', db: './example-db', readOnly: true });
console.log(JSON.stringify(await runQuery(store, 'MATCH (a:Article) RETURN a.id AS id')));
await store.close();
`;
    writeFileSync(join(dir, 'check.mjs'), check);
    expect(JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: dir, encoding: 'utf8' }))).toEqual([{ id: 'a1' }]);
  }, 120_000);

  it('type-checks a TypeScript consumer against the shipped declarations', () => {
    writeFileSync(
      join(dir, 'use.ts'),
      `import { extract, type ExtractionRecord, type GraphStore } from 'newsgraph';
const r: ExtractionRecord = extract({ id: 'x', date: '2021-01-01', text: 'Hello.' });
const n: number = r.entities.length;
export function close(s: GraphStore): Promise<void> { return s.close(); }
export { n };
`,
    );
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.ts'] }));
    const tsc = join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    // A wrong use must fail, or the check proves nothing.
    writeFileSync(join(dir, 'use.ts'), `import { extract } from 'newsgraph';\nconst n: string = extract({ id: 'x', date: '2021-01-01', text: 'Hi.' }).entities.length;\nexport { n };\n`);
    expect(() => execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' })).toThrow();
  }, 120_000);
});
