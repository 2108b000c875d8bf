// Misuse through the real bin: a pasted DELETE is refused in read mode on both stores (and allowed with --write);
// credentials from flags, environment or .env never show in output, errors or --help; a wrong password is one line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testNeo4jEnv } from '../neo4j/connect.js';
import { runCli, type CliResult } from './cli-run.js';
import { writeCorpus } from './corpus.js';

const root = mkdtempSync(join(tmpdir(), 'ng-misuse-'));
const corpus = join(root, 'corpus.jsonl');
const db = join(root, 'db');
const DELETE_ALL = 'MATCH (n) DETACH DELETE n';
const COUNT = 'MATCH (a:Article) RETURN count(a) AS n';
/** A password no program would print by accident; every output is searched for it and for its pieces. */
const SECRET = 'Zq9-wrong-S3cret-4711';
const N = 12;

afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(() => {
  writeCorpus(corpus, 0, N);
});

const articles = (r: CliResult): number => (JSON.parse(r.stdout) as { n: number }[])[0]!.n;

/** One line on stderr, "newsgraph: …", no stack frames. */
function expectOneLine(r: CliResult, pattern: RegExp): void {
  expect(r.stderr).toMatch(/^newsgraph: [^\n]+\n$/u);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/^\s+at /mu);
}

function expectNoSecret(r: CliResult, secret = SECRET): void {
  for (const text of [r.stdout, r.stderr]) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(secret).toString('base64'));
  }
}

describe('query is read-only unless --write', () => {
  test('embedded: DELETE is refused with one line naming --write (exit 2), nothing deleted; --write deletes', async () => {
    const ingested = await runCli(['ingest', corpus, '--db', db, '--quiet']);
    expect(ingested.status).toBe(0);
    const refused = await runCli(['query', DELETE_ALL, '--db', db]);
    expect(refused.status).toBe(2);
    expectOneLine(refused, /query would write to the store, and queries run read-only; pass --write to allow it/u);
    expect(articles(await runCli(['query', COUNT, '--db', db, '--format', 'json']))).toBe(N);
    const create = await runCli(['query', "CREATE (:Person {key: 'PER:x', name: 'X'})", '--db', db]);
    expect(create.status).toBe(2);
    const allowed = await runCli(['query', DELETE_ALL, '--db', db, '--write']);
    expect({ status: allowed.status, stderr: allowed.stderr }).toEqual({ status: 0, stderr: '' });
    expect(articles(await runCli(['query', COUNT, '--db', db, '--format', 'json']))).toBe(0);
  }, 120_000);

  test('Neo4j: DELETE runs in a read transaction and is refused (exit 2), nothing deleted; --write deletes', async () => {
    const { uri, user, password } = testNeo4jEnv();
    const env = { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
    const neo = ['--store', 'neo4j'];
    expect((await runCli(['query', DELETE_ALL, ...neo, '--write'], env)).status).toBe(0);
    expect((await runCli(['ingest', corpus, ...neo, '--quiet'], env)).status).toBe(0);
    const refused = await runCli(['query', DELETE_ALL, ...neo], env);
    expect(refused.status).toBe(2);
    expectOneLine(refused, /query would write to the store, and queries run read-only; pass --write to allow it/u);
    expectNoSecret(refused, password);
    expect(articles(await runCli(['query', COUNT, ...neo, '--format', 'json'], env))).toBe(N);
    const allowed = await runCli(['query', DELETE_ALL, ...neo, '--write'], env);
    expect({ status: allowed.status, stderr: allowed.stderr }).toEqual({ status: 0, stderr: '' });
    expect(articles(await runCli(['query', COUNT, ...neo, '--format', 'json'], env))).toBe(0);
  }, 120_000);
});

describe('credentials never appear in output, errors or --help', () => {
  const { uri, user } = testNeo4jEnv();
  const neo = ['--store', 'neo4j'];
  // Neo4j locks a user for a few seconds after 3 failed logins; that gets its own (also one-line) message.
  const refused =
    /^newsgraph: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ refused user "neo4j" (with the given password|after too many failed logins \(locked for a few seconds\)); check --neo4j-user\/--neo4j-password \(or NEO4J_USER\/NEO4J_PASSWORD\)/u;

  // The shared test server must accept the right password again before the next test file runs.
  afterAll(async () => {
    const { password } = testNeo4jEnv();
    const end = Date.now() + 60_000;
    for (;;) {
      const r = await runCli(['stats', ...neo, '--format', 'json'], { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password });
      if (r.status === 0) return;
      if (Date.now() > end) throw new Error(`the test Neo4j still refuses the right password 60 s after the wrong-password tests:\n${r.stderr}`);
      await new Promise((ok) => setTimeout(ok, 1000));
    }
  }, 90_000);


  test('the right password from .env works and is not printed either', async () => {
    const { password } = testNeo4jEnv();
    const cwd = mkdtempSync(join(root, 'dotenv-ok-'));
    writeFileSync(join(cwd, '.env'), `NEO4J_URI=${uri}\nNEO4J_USER=${user}\nNEO4J_PASSWORD=${password}\n`);
    const r = await runCli(['stats', ...neo, '--format', 'json'], {}, cwd);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expectNoSecret(r, password);
  });

  test('a wrong password from the flag: one line, exit 2, password not shown', async () => {
    const r = await runCli(['query', COUNT, ...neo, '--neo4j-uri', uri, '--neo4j-user', user, '--neo4j-password', SECRET]);
    expect(r.status).toBe(2);
    expectOneLine(r, refused);
    expectNoSecret(r);
  });

  test('a wrong password from the environment: one line, exit 2, password not shown (NEWSGRAPH_DEBUG set too)', async () => {
    const r = await runCli(['ingest', corpus, ...neo, '--quiet'], { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: SECRET, NEWSGRAPH_DEBUG: '1' });
    expect(r.status).toBe(2);
    expectOneLine(r, refused);
    expectNoSecret(r);
  });

  test('a wrong password from .env in the working folder: one line, exit 2, password not shown', async () => {
    const cwd = mkdtempSync(join(root, 'dotenv-'));
    writeFileSync(join(cwd, '.env'), `NEO4J_URI=${uri}\nNEO4J_USER=${user}\nNEO4J_PASSWORD=${SECRET}\n`);
    const r = await runCli(['stats', ...neo], {}, cwd);
    expect(r.status).toBe(2);
    expectOneLine(r, refused);
    expectNoSecret(r);
  });

  test('a password inside an unreachable URI: one line, exit 3, neither user:password nor the flag password shown', async () => {
    const r = await runCli(['stats', ...neo, '--neo4j-uri', `bolt://alice:${SECRET}@127.0.0.1:9`, '--neo4j-password', `${SECRET}-flag`]);
    expect(r.status).toBe(3);
    expectOneLine(r, /^newsgraph: Neo4j is unavailable at bolt:\/\/127\.0\.0\.1:9: /u);
    expectNoSecret(r);
    expect(r.stderr).not.toContain('alice');
  });

  test('--help of every command, with the password in flags, environment and .env, never shows it', async () => {
    const cwd = mkdtempSync(join(root, 'dotenv-help-'));
    writeFileSync(join(cwd, '.env'), `NEO4J_PASSWORD=${SECRET}-dotenv\n`);
    const env = { NEO4J_PASSWORD: `${SECRET}-env` };
    const commands = ['', 'ingest', 'query', 'stats', 'extract', 'queries', 'schema', 'view', 'guide'];
    const runs = await Promise.all(commands.map((c) => runCli([...(c ? [c] : []), '--help', '--neo4j-password', `${SECRET}-flag`], env, cwd)));
    runs.forEach((r, i) => {
      expect({ command: commands[i], status: r.status }).toEqual({ command: commands[i], status: 0 });
      expect(r.stdout).toMatch(/newsgraph/u);
      expectNoSecret(r);
    });
  }, 120_000);
});
