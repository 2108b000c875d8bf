// jest global teardown: stops the test Neo4j that global-setup.ts started and deletes its temp folder.
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__NEWSGRAPH_TEST_NEO4J__;
  if (server === undefined) return;
  globalThis.__NEWSGRAPH_TEST_NEO4J__ = undefined;
  await server.stop({ removeFiles: true });
}
