// Global setup starts the test Neo4j only for runs that may need it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runsNeo4jTests } from './global-setup.js';

describe('runsNeo4jTests', () => {
  let rootDir: string;
  beforeAll(() => {
    rootDir = mkdtempSync(join(tmpdir(), 'newsgraph-setup-'));
    mkdirSync(join(rootDir, 'test', 'store', 'neo4j'), { recursive: true });
    mkdirSync(join(rootDir, 'test', 'store', 'embedded'), { recursive: true });
    mkdirSync(join(rootDir, 'test', 'graph'), { recursive: true });
    writeFileSync(join(rootDir, 'test', 'store', 'neo4j', 'load.int.test.ts'), "import { testDriver } from '../../neo4j/connect.js';\n");
    writeFileSync(join(rootDir, 'test', 'store', 'embedded', 'load.int.test.ts'), "import { openEmbedded } from '../x.js';\n");
    writeFileSync(join(rootDir, 'test', 'graph', 'to-graph.test.ts'), 'it("x", () => undefined);\n');
  });
  afterAll(() => rmSync(rootDir, { recursive: true, force: true }));

  const run = (patterns: string[], extra: Record<string, boolean> = {}): boolean =>
    runsNeo4jTests({ rootDir, testPathPatterns: { patterns }, ...extra });

  it('starts Neo4j for a whole run', () => {
    expect(run([])).toBe(true);
  });
  it('starts Neo4j when a matched integration test mentions neo4j', () => {
    expect(run(['test/store'])).toBe(true);
    expect(run(['LOAD.INT'])).toBe(true); // jest matches case-insensitively
    expect(run([join(rootDir, 'test', 'store', 'neo4j')])).toBe(true); // absolute pattern
  });
  it('does not start Neo4j for unit tests or integration tests of the embedded store only', () => {
    expect(run(['test/graph'])).toBe(false);
    expect(run(['test/store/embedded'])).toBe(false);
    expect(run(['^test/graph', 'embedded'])).toBe(false);
  });
  it('starts Neo4j when jest picks the files itself (--onlyChanged, --findRelatedTests)', () => {
    expect(run(['test/graph'], { onlyChanged: true })).toBe(true);
    expect(run(['test/graph'], { findRelatedTests: true })).toBe(true);
  });
});
