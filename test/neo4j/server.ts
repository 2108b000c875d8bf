// A real Neo4j 5.26 Community server for tests: jars from Maven Central, run on free loopback ports in a temp dir.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

const HERE = dirname(fileURLToPath(import.meta.url));
/** test/neo4j/pom.xml: pins org.neo4j:neo4j (5.26.x) and org.neo4j.client:neo4j-browser. */
export const POM = join(HERE, 'pom.xml');
/** Cached output of `mvn dependency:build-classpath` (test/neo4j/target/ is git-ignored). */
export const CLASSPATH_FILE = join(HERE, 'target', 'classpath.txt');
const WATCHDOG = join(HERE, 'run-neo4j.sh');

/** The launcher's server runs with auth on: user `neo4j` and this fixed password (tests of wrong passwords need auth). */
export const TEST_USER = 'neo4j';
export const TEST_PASSWORD = 'newsgraph-test-password';

/**
 * The JVM flags Neo4j's own launcher passes (server.jvm.additional in its default neo4j.conf) that matter on
 * Java 17, minus -XX:+AlwaysPreTouch (it would touch the whole heap at start, which a test server doesn't need).
 */
const NEO4J_JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

export interface StartOptions {
  /** Folder for conf/, data/, logs/; default a new temp folder that `stop({ removeFiles: true })` deletes. */
  readonly runDir?: string;
  /** Password of user `neo4j`, set before the first start; default TEST_PASSWORD. */
  readonly password?: string;
  /** Max heap (-Xmx); default '1g'. */
  readonly heap?: string;
  /** Page cache size; default '64m'. */
  readonly pageCache?: string;
  /** How long to wait for Bolt to answer; default env NEO4J_START_TIMEOUT_MS or 180 s. */
  readonly timeoutMs?: number;
  /** The process whose exit stops the server; default this process. */
  readonly ownerPid?: number;
  /** More neo4j.conf settings, e.g. { 'browser.post_connect_cmd': 'play start' }. */
  readonly extraConfig?: Readonly<Record<string, string>>;
  /** Progress lines (classpath resolution, start); default silent. */
  readonly log?: (line: string) => void;
}

/** What server.json in the run dir records, so another module instance (a test) can attach to the same server. */
interface ServerState {
  readonly runDir: string;
  readonly ownsRunDir: boolean;
  readonly boltPort: number;
  readonly httpPort: number;
  readonly user: string;
  readonly password: string;
  readonly heap: string;
  readonly ownerPid: number;
  readonly timeoutMs: number;
  readonly pid: number;
}

export interface TestNeo4j {
  /** bolt://127.0.0.1:<boltPort> */
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly boltPort: number;
  readonly httpPort: number;
  /** http://127.0.0.1:<httpPort> (Neo4j Browser at /browser/) */
  readonly httpUrl: string;
  /** The JVM's pid (changes on restart()). */
  readonly pid: number;
  readonly runDir: string;
  readonly dataDir: string;
  /** Graceful shutdown (SIGTERM, SIGKILL after 60 s); keeps the files unless removeFiles and the launcher made them. */
  stop(options?: { readonly removeFiles?: boolean }): Promise<void>;
  /** SIGKILL the JVM, as a crash would; the data dir stays for restart(). */
  kill(): Promise<void>;
  /** Starts the server again on the same data dir and ports (stops it first if it is running). */
  restart(): Promise<void>;
}

/** Throws a message saying what to install when `java` (17+) is missing. */
export function checkJava(env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8', env });
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(
      'The test Neo4j server needs Java 17 or newer, and `java -version` failed' +
        (r.error !== undefined ? ` (${r.error.message})` : '') +
        '. Install a JDK 17 (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), ' +
        'or point the tests at a running Neo4j 5 with NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.',
    );
  }
  const text = `${r.stderr}${r.stdout}`;
  const major = Number(/version "(\d+)/.exec(text)?.[1] ?? '0');
  if (major < 17) {
    throw new Error(`The test Neo4j server (5.26) needs Java 17 or newer, but \`java -version\` says:\n${text.trim()}\nInstall a JDK 17 (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless).`);
  }
  return text.split('\n')[0] ?? text;
}

/**
 * The Neo4j server's classpath: cached in test/neo4j/target/classpath.txt, re-resolved with Maven when pom.xml
 * is newer or a jar is missing.
 * @example const cp = resolveClasspath(); // '/root/.m2/repository/org/neo4j/neo4j/5.26.x/neo4j-5.26.x.jar:...'
 */
export function resolveClasspath(log: (line: string) => void = () => undefined): string {
  if (existsSync(CLASSPATH_FILE) && statSync(CLASSPATH_FILE).mtimeMs >= statSync(POM).mtimeMs) {
    const cached = readFileSync(CLASSPATH_FILE, 'utf8').trim();
    if (cached !== '' && cached.split(':').every((jar) => existsSync(jar))) return cached;
  }
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error !== undefined || mvn.status !== 0) {
    throw new Error(
      'The test Neo4j server needs Maven to fetch its jars, and `mvn -v` failed' +
        (mvn.error !== undefined ? ` (${mvn.error.message})` : '') +
        '. Install Maven (Debian/Ubuntu: apt-get install maven), or point the tests at a running Neo4j 5 with NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.',
    );
  }
  log(`resolving Neo4j jars with Maven (${POM}) ...`);
  mkdirSync(dirname(CLASSPATH_FILE), { recursive: true });
  const out = `${CLASSPATH_FILE}.${process.pid}.tmp`;
  const r = spawnSync('mvn', ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${out}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0 || !existsSync(out)) {
    throw new Error(`mvn dependency:build-classpath on ${POM} failed (exit ${r.status}):\n${tail(`${r.stdout}${r.stderr}`, 40)}`);
  }
  renameSync(out, CLASSPATH_FILE);
  return readFileSync(CLASSPATH_FILE, 'utf8').trim();
}

/**
 * Starts a Neo4j 5.26 server and waits until it runs queries.
 * @example const server = await startNeo4j(); try { ... server.uri ... } finally { await server.stop({ removeFiles: true }); }
 */
export async function startNeo4j(options: StartOptions = {}): Promise<TestNeo4j> {
  const log = options.log ?? (() => undefined);
  checkJava();
  const classpath = resolveClasspath(log);
  const ownsRunDir = options.runDir === undefined;
  const runDir = resolve(options.runDir ?? mkdtempSync(join(tmpdir(), 'newsgraph-neo4j-')));
  const password = options.password ?? TEST_PASSWORD;
  const heap = options.heap ?? '1g';
  const timeoutMs = options.timeoutMs ?? Number(process.env.NEO4J_START_TIMEOUT_MS ?? 180_000);
  for (let attempt = 1; ; attempt++) {
    const [boltPort, httpPort] = await freePorts(2);
    writeConf(runDir, boltPort, httpPort, options.pageCache ?? '64m', options.extraConfig ?? {});
    if (!existsSync(join(runDir, 'data', 'dbms', 'auth.ini')) && !existsSync(join(runDir, 'data', 'databases', 'system'))) {
      setInitialPassword(classpath, runDir, password);
    }
    const state: ServerState = { runDir, ownsRunDir, boltPort, httpPort, user: TEST_USER, password, heap, ownerPid: options.ownerPid ?? process.pid, timeoutMs, pid: 0 };
    const server = new LaunchedNeo4j(state, classpath);
    try {
      await server.launch();
      return server;
    } catch (err) {
      // Another process may take a free port between freePorts() and the JVM's bind: try new ports twice.
      if (attempt < 3 && /Address already in use/i.test(String(err))) continue;
      if (ownsRunDir) rmSync(runDir, { recursive: true, force: true });
      throw err;
    }
  }
}

/**
 * The server that jest's global setup started (env NEO4J_TEST_RUN_DIR), for tests that kill and restart it;
 * undefined when the tests use an outside server (NEO4J_URI set by the user).
 * @example const server = attachTestNeo4j() ?? (await startNeo4j());
 */
export function attachTestNeo4j(runDir = process.env.NEO4J_TEST_RUN_DIR): TestNeo4j | undefined {
  if (runDir === undefined || runDir === '') return undefined;
  return new LaunchedNeo4j(readState(runDir), resolveClasspath());
}

class LaunchedNeo4j implements TestNeo4j {
  constructor(
    private state: ServerState,
    private readonly classpath: string,
  ) {}

  get uri(): string {
    return `bolt://127.0.0.1:${this.state.boltPort}`;
  }
  get user(): string {
    return this.state.user;
  }
  get password(): string {
    return this.state.password;
  }
  get boltPort(): number {
    return this.state.boltPort;
  }
  get httpPort(): number {
    return this.state.httpPort;
  }
  get httpUrl(): string {
    return `http://127.0.0.1:${this.state.httpPort}`;
  }
  get pid(): number {
    this.refresh();
    return this.state.pid;
  }
  get runDir(): string {
    return this.state.runDir;
  }
  get dataDir(): string {
    return join(this.state.runDir, 'data');
  }

  /** Another module instance (a test after attachTestNeo4j) may have restarted the JVM: read the latest pid. */
  private refresh(): void {
    if (existsSync(join(this.state.runDir, 'server.json'))) this.state = readState(this.state.runDir);
  }

  async launch(): Promise<void> {
    const { runDir, ownerPid, ownsRunDir, heap } = this.state;
    const pidFile = join(runDir, 'run', 'jvm.pid');
    rmSync(pidFile, { force: true });
    const consoleLog = join(runDir, 'logs', 'console.log');
    const fd = openSync(consoleLog, 'a');
    const started = Date.now();
    const args = [
      `-Xms${heap}`, // Neo4j's advice: initial = max; without AlwaysPreTouch the memory is only taken as used
      `-Xmx${heap}`,
      ...NEO4J_JVM_FLAGS,
      ...(process.env.NEO4J_TEST_JVM_FLAGS ?? '').split(' ').filter((f) => f !== ''),
      '-cp',
      this.classpath,
      'org.neo4j.server.CommunityEntryPoint',
      '--home-dir',
      runDir,
      '--config-dir',
      join(runDir, 'conf'),
    ];
    const child = spawn('bash', [WATCHDOG, String(ownerPid), pidFile, ownsRunDir ? runDir : '', 'java', ...args], {
      cwd: runDir,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    child.unref();
    closeSync(fd);
    let exited: string | undefined;
    child.on('exit', (code, signal) => {
      exited = signal !== null ? `signal ${signal}` : `code ${code}`;
    });

    const deadline = started + this.state.timeoutMs;
    let pid = 0;
    while (pid === 0) {
      if (existsSync(pidFile)) pid = Number(readFileSync(pidFile, 'utf8').trim());
      else if (exited !== undefined || Date.now() > deadline) throw this.failure(`the watchdog exited (${exited ?? 'timeout'}) before starting java`);
      else await sleep(50);
    }
    this.state = { ...this.state, pid };
    writeFileSync(join(runDir, 'server.json'), `${JSON.stringify(this.state, null, 2)}\n`);

    let lastError = '';
    for (;;) {
      if (!alive(pid)) throw this.failure(`the JVM (pid ${pid}) exited during startup`);
      if (Date.now() > deadline) {
        await this.kill();
        throw this.failure(`Bolt at ${this.uri} did not answer within ${Math.round(this.state.timeoutMs / 1000)} s (last error: ${lastError})`);
      }
      const driver = neo4j.driver(this.uri, neo4j.auth.basic(this.user, this.password), { connectionTimeout: 2000 });
      try {
        await driver.verifyConnectivity();
        await driver.executeQuery('RETURN 1 AS ok'); // the default database is online, not only Bolt
        return;
      } catch (err) {
        lastError = err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err);
      } finally {
        await driver.close();
      }
      await sleep(250);
    }
  }

  async stop(options: { readonly removeFiles?: boolean } = {}): Promise<void> {
    this.refresh();
    const { pid } = this.state;
    if (pid > 0 && alive(pid)) {
      process.kill(pid, 'SIGTERM');
      if (!(await waitGone(pid, 60_000))) {
        process.kill(pid, 'SIGKILL');
        await waitGone(pid, 10_000);
      }
    }
    if (options.removeFiles === true && this.state.ownsRunDir) rmSync(this.state.runDir, { recursive: true, force: true });
  }

  async kill(): Promise<void> {
    this.refresh();
    const { pid } = this.state;
    if (pid > 0 && alive(pid)) {
      process.kill(pid, 'SIGKILL');
      if (!(await waitGone(pid, 10_000))) throw new Error(`Neo4j JVM pid ${pid} is still alive 10 s after SIGKILL`);
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  private failure(what: string): Error {
    const logs = join(this.state.runDir, 'logs');
    const parts = [`Neo4j test server failed to start: ${what}.`];
    for (const name of ['neo4j.log', 'console.log']) {
      const file = join(logs, name);
      if (existsSync(file)) parts.push(`--- last lines of ${file} ---\n${tail(readFileSync(file, 'utf8'), 30)}`);
    }
    return new Error(parts.join('\n'));
  }
}

function writeConf(runDir: string, boltPort: number, httpPort: number, pageCache: string, extra: Readonly<Record<string, string>>): void {
  for (const sub of ['conf', 'data', 'logs', 'run', 'import', 'plugins']) mkdirSync(join(runDir, sub), { recursive: true });
  const settings: Record<string, string> = {
    'server.default_listen_address': '127.0.0.1',
    'server.default_advertised_address': '127.0.0.1',
    'server.bolt.enabled': 'true',
    'server.bolt.listen_address': `127.0.0.1:${boltPort}`,
    'server.bolt.advertised_address': `127.0.0.1:${boltPort}`,
    'server.http.enabled': 'true',
    'server.http.listen_address': `127.0.0.1:${httpPort}`,
    'server.http.advertised_address': `127.0.0.1:${httpPort}`,
    'server.https.enabled': 'false',
    'dbms.security.auth_enabled': 'true',
    'server.directories.data': join(runDir, 'data'),
    'server.directories.logs': join(runDir, 'logs'),
    'server.directories.run': join(runDir, 'run'),
    'server.directories.import': join(runDir, 'import'),
    'server.directories.plugins': join(runDir, 'plugins'),
    'server.memory.pagecache.size': pageCache,
    'db.tx_log.rotation.retention_policy': '1 files',
    'dbms.usage_report.enabled': 'false',
    // Bolt's netty servers wait a 5 s quiet period each on shutdown; a test server has no clients to drain.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period': '0',
    ...extra,
  };
  const text = Object.entries(settings)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  writeFileSync(join(runDir, 'conf', 'neo4j.conf'), `# written by test/neo4j/server.ts\n${text}\n`);
}

/** neo4j-admin's `dbms set-initial-password`, run in-process by AdminTool before the first start. */
function setInitialPassword(classpath: string, runDir: string, password: string): void {
  const r = spawnSync('java', ['-cp', classpath, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_HOME: runDir, NEO4J_CONF: join(runDir, 'conf') },
  });
  if (r.status !== 0) throw new Error(`neo4j-admin dbms set-initial-password failed (exit ${r.status}):\n${tail(`${r.stdout}${r.stderr}`, 20)}`);
}

function readState(runDir: string): ServerState {
  const file = join(runDir, 'server.json');
  if (!existsSync(file)) throw new Error(`No test Neo4j server state in ${file}; was it started by test/neo4j/server.ts?`);
  return JSON.parse(readFileSync(file, 'utf8')) as ServerState;
}

/** Ports the OS hands out for 127.0.0.1:0, all open at once so they differ. */
async function freePorts(n: number): Promise<number[]> {
  const servers = Array.from({ length: n }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (s) =>
        new Promise<number>((ok, fail) => {
          s.once('error', fail);
          s.listen(0, '127.0.0.1', () => {
            const address = s.address();
            if (address === null || typeof address === 'string') fail(new Error('no port'));
            else ok(address.port);
          });
        }),
    ),
  );
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  return ports;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > end) return false;
    await sleep(100);
  }
  return true;
}

function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
