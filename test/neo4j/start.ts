// Runs the test Neo4j server by hand until Ctrl-C: `npm run neo4j:test-server [-- --run-dir DIR] [-- --resolve-only]`.
// Prints the NEO4J_* variables to use (stdout, one per line) and progress on stderr.
import { parseArgs } from 'node:util';
import { resolveClasspath, startNeo4j } from './server.js';

const { values } = parseArgs({
  options: {
    'run-dir': { type: 'string' },
    heap: { type: 'string' },
    'resolve-only': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help === true) {
  process.stderr.write(
    'usage: node --import tsx test/neo4j/start.ts [--run-dir DIR] [--heap 1g] [--resolve-only]\n' +
      '  Starts Neo4j 5.26 Community on free loopback ports (user neo4j, password newsgraph-test-password).\n' +
      '  --run-dir keeps conf/, data/ and logs/ in DIR (reused on the next start); default a temp dir removed on exit.\n' +
      '  --resolve-only only resolves the Maven classpath into test/neo4j/target/classpath.txt.\n',
  );
  process.exit(0);
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
if (values['resolve-only'] === true) {
  const cp = resolveClasspath(log);
  log(`classpath: ${cp.split(':').length} jars`);
  process.exit(0);
}

const t0 = Date.now();
const server = await startNeo4j({ runDir: values['run-dir'], heap: values.heap, log });
process.stdout.write(
  [`NEO4J_URI=${server.uri}`, `NEO4J_USER=${server.user}`, `NEO4J_PASSWORD=${server.password}`, `NEO4J_BROWSER=${server.httpUrl}/browser/`, `NEO4J_PID=${server.pid}`, `NEO4J_RUN_DIR=${server.runDir}`]
    .map((l) => `${l}\n`)
    .join(''),
);
log(`Neo4j ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; Ctrl-C stops it.`);

let stopping = false;
const shutdown = (): void => {
  if (stopping) return;
  stopping = true;
  log('stopping Neo4j ...');
  server.stop({ removeFiles: values['run-dir'] === undefined }).then(
    () => process.exit(0),
    (err: unknown) => {
      log(String(err));
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
setInterval(() => undefined, 1 << 30); // keep running until a signal
