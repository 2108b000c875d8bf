// Runs the built bin (dist/cli.js; `npm test` builds it first) as a child process and records its peak RSS.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = join(process.cwd(), 'dist', 'cli.js');

export interface CliResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident set size of the child (all its threads), in MB. */
  readonly maxRssMb: number;
}

export interface CliRun {
  readonly pid: number;
  /** Resolves when the child exits. */
  readonly done: Promise<CliResult>;
  /** Everything the child wrote so far. */
  output(): string;
  kill(signal?: NodeJS.Signals): void;
}

const HOOK_DIR = mkdtempSync(join(tmpdir(), 'ng-rss-'));
/** Writes the child's peak RSS (KB, worker threads included) to NG_RSS_FILE on exit. */
const HOOK = join(process.cwd(), 'scripts', 'report-rss.mjs');
let runs = 0;

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (\`npm test\` does)`);
}

/**
 * Starts `node dist/cli.js …args` with the given extra environment (no NEO4J_* from the test run unless passed).
 * @example const r = await startCli(['ingest', dir, '--db', db]).done; expect(r.status).toBe(1);
 */
export function startCli(args: readonly string[], env: Record<string, string | undefined> = {}, cwd = process.cwd()): CliRun {
  assertBuilt();
  const rssFile = join(HOOK_DIR, `rss-${process.pid}-${runs++}.txt`);
  const base: Record<string, string | undefined> = { ...process.env };
  for (const k of Object.keys(base)) if (k.startsWith('NEO4J_') || k === 'NEWSGRAPH_DEBUG') delete base[k];
  const child = spawn(process.execPath, ['--import', HOOK, CLI, ...args], {
    cwd,
    env: { ...base, NG_RSS_FILE: rssFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let both = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    both += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    both += d;
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      rmSync(rssFile, { force: true });
      resolve({ status, signal, stdout, stderr, maxRssMb: kb / 1024 });
    });
  });
  return { pid: child.pid!, done, output: () => both, kill: (signal = 'SIGKILL') => child.kill(signal) };
}

/** Runs the bin to completion. */
export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}, cwd?: string): Promise<CliResult> {
  return startCli(args, env, cwd).done;
}

/** Waits until `check()` is true, polling; throws `what` after `ms`. */
export async function waitFor(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
