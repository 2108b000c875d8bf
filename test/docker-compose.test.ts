// docker-compose.yml: Neo4j 5.26 Community (same patch as the test server), ports, auth from env, volume, healthcheck.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseDocument } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');

interface Service {
  image?: string;
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test?: string[]; interval?: string; retries?: number };
}
interface Compose {
  services?: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync(COMPOSE_FILE, 'utf8')) as Compose;
const neo4jService = compose.services?.neo4j ?? {};

describe('docker-compose.yml', () => {
  it('pins the Neo4j Community patch release that the tests run (test/neo4j/pom.xml)', () => {
    const pomVersion = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(join(ROOT, 'test', 'neo4j', 'pom.xml'), 'utf8'))?.[1];
    expect(pomVersion).toMatch(/^5\.26\.\d+$/);
    expect(neo4jService.image).toBe(`neo4j:${pomVersion}-community`);
  });

  it('publishes HTTP (Browser) on 7474 and Bolt on 7687', () => {
    expect(neo4jService.ports).toEqual(expect.arrayContaining(['7474:7474', '7687:7687']));
  });

  it('takes NEO4J_AUTH from the environment, with a default password Neo4j 5 accepts (8+ characters)', () => {
    const auth = neo4jService.environment?.NEO4J_AUTH ?? '';
    const m = /^\$\{NEO4J_AUTH:-neo4j\/([^}]+)\}$/.exec(auth);
    expect(m).not.toBeNull();
    expect(m?.[1]?.length ?? 0).toBeGreaterThanOrEqual(8);
  });

  it('keeps /data in a named volume', () => {
    const data = (neo4jService.volumes ?? []).find((v) => v.endsWith(':/data'));
    expect(data).toBeDefined();
    const name = data?.split(':')[0] ?? '';
    expect(name).not.toMatch(/^[./~]/); // a name, not a host path
    expect(Object.keys(compose.volumes ?? {})).toContain(name);
  });

  it('has a healthcheck that probes the server', () => {
    const test = (neo4jService.healthcheck?.test ?? []).join(' ');
    expect(test).toMatch(/^CMD(-SHELL)? /);
    expect(test).toMatch(/7474|cypher-shell/);
    expect(neo4jService.healthcheck?.retries).toBeGreaterThan(0);
  });

  it('is valid: `docker compose config -q` where the compose client exists, else a strict YAML parse', () => {
    const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    if (version.error === undefined && version.status === 0) {
      const r = spawnSync('docker', ['compose', '-f', COMPOSE_FILE, 'config', '-q'], { encoding: 'utf8' });
      expect(r.stderr.trim()).toBe('');
      expect(r.status).toBe(0);
    } else {
      // No compose client here (the engine is never needed for `config`): at least no YAML errors or duplicate keys.
      const doc = parseDocument(readFileSync(COMPOSE_FILE, 'utf8'), { uniqueKeys: true });
      expect(doc.errors.map(String)).toEqual([]);
      expect(doc.warnings.map(String)).toEqual([]);
    }
  });
});
