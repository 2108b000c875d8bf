// The launcher leaves no orphan: when the process that started Neo4j dies (SIGKILL), the JVM stops and its temp dir goes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return true;
}

it('stops the JVM and removes its temp dir when the owning process is SIGKILLed', async () => {
  const owner = spawn(process.execPath, ['--import', 'tsx', join('test', 'neo4j', 'start.ts'), '--heap', '512m'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let pid = 0;
  try {
    // start.ts prints NEO4J_*=... lines on stdout once the server answers queries.
    const vars = new Map<string, string>();
    for await (const line of createInterface({ input: owner.stdout })) {
      const eq = line.indexOf('=');
      vars.set(line.slice(0, eq), line.slice(eq + 1));
      if (line.startsWith('NEO4J_RUN_DIR=')) break;
    }
    pid = Number(vars.get('NEO4J_PID'));
    const runDir = vars.get('NEO4J_RUN_DIR') ?? '';
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(true);
    expect(existsSync(join(runDir, 'data'))).toBe(true);

    owner.kill('SIGKILL');
    // The watchdog polls its owner every second, then gives Neo4j up to 15 s to shut down before SIGKILL.
    expect(await waitFor(() => !alive(pid), 30_000)).toBe(true);
    expect(await waitFor(() => !existsSync(runDir), 10_000)).toBe(true);
  } finally {
    owner.kill('SIGKILL');
    owner.stdout.destroy();
    if (pid > 0 && alive(pid)) process.kill(pid, 'SIGKILL');
  }
}, 300_000);
