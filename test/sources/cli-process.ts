// The built bin (dist/cli.js) as a child process, for tests that run it as a user does.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(process.cwd(), 'dist', 'cli.js');
const children: ChildProcess[] = [];

/** Kills children a failed test left running. */
export function killAll(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/** Starts the built CLI; stderr and stdout are collected. `waitFor` polls stderr and `exit` waits for the exit code, both bounded. */
export function startCli(args: string[], cwd: string) {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (what: RegExp, ms = 30_000): Promise<void> => {
    const end = Date.now() + ms;
    while (!what.test(stderr)) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`no ${what} on stderr within ${ms} ms; stderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const exit = async (ms = 30_000): Promise<number | null> => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  return { child, waitFor, exit, stderr: () => stderr, stdout: () => stdout };
}

