// The peak RSS the CLI tests assert on is the child's own, not what Linux carries over from the spawning jest process.
import { runCli } from './cli-run.js';

test('a child spawned by a process holding 600 MB reports its own peak RSS', async () => {
  const ballast = Buffer.alloc(600 * 2 ** 20, 1);
  expect(process.memoryUsage().rss / 2 ** 20).toBeGreaterThan(600);
  const r = await runCli(['--version']);
  expect(r.status).toBe(0);
  expect(r.maxRssMb).toBeGreaterThan(20);
  expect(r.maxRssMb).toBeLessThan(300);
  expect(ballast[ballast.length - 1]).toBe(1);
});
