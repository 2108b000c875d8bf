// Progress on stderr: a bar with articles/s and ETA on a terminal, a plain line every few seconds otherwise.
import cliProgress from 'cli-progress';

export interface Progress {
  tick(): void;
  stop(): void;
}

/** Silent when `quiet`; `total` is unknown for streamed inputs, so the bar counts up with a rate. */
export function startProgress(options: { quiet: boolean; total?: number; label?: string }): Progress {
  if (options.quiet) return { tick: () => undefined, stop: () => undefined };
  const started = Date.now();
  let done = 0;
  const rate = (): string => (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: options.total
          ? `${options.label ?? 'articles'} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}`
          : `${options.label ?? 'articles'} {value} | {rate}/s`,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 100,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(options.total ?? 0, 0, { rate: '0.0' });
    return {
      tick: () => {
        done += 1;
        bar.update(done, { rate: rate() });
      },
      stop: () => bar.stop(),
    };
  }
  let last = Date.now();
  return {
    tick: () => {
      done += 1;
      if (Date.now() - last >= 5000) {
        last = Date.now();
        process.stderr.write(`${options.label ?? 'articles'}: ${done} done, ${rate()}/s\n`);
      }
    },
    stop: () => {
      if (done > 0) process.stderr.write(`${options.label ?? 'articles'}: ${done} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
