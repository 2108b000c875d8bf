// "15m" -> 900000: durations for --interval, --timeout and --max-backoff.
import { ConfigError } from '../errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a duration written as a number and a unit (ms, s, m, h); a bare number is seconds.
 * @example parseInterval('15m', '--interval') // 900000
 */
export function parseInterval(value: string | number, option: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/u.exec(String(value));
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] ?? 's']! : NaN;
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new ConfigError(`${option} "${value}" is not a duration; write it like 30s, 15m or 1h`, { option });
  }
  return Math.round(ms);
}

/**
 * A duration for log lines.
 * @example formatInterval(90_000) // '1m30s'
 */
export function formatInterval(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${r || (!h && !m) ? `${r}s` : ''}`;
}
