import { ConfigError } from '../../src/errors.js';
import { formatInterval, parseInterval } from '../../src/sources/parse-interval.js';

describe('parseInterval', () => {
  it.each([
    ['30s', 30_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['250ms', 250],
    ['1.5m', 90_000],
    ['45', 45_000],
  ])('%s -> %d ms', (value, ms) => {
    expect(parseInterval(value, '--interval')).toBe(ms);
  });

  it.each([['0s'], ['-5m'], ['15 minutes'], ['m'], ['']])('refuses %j naming the option', (value) => {
    expect(() => parseInterval(value, '--interval')).toThrow(ConfigError);
    expect(() => parseInterval(value, '--interval')).toThrow(/^--interval ".*" is not a duration; write it like 30s, 15m or 1h$/u);
  });
});

describe('formatInterval', () => {
  it.each([
    [250, '250ms'],
    [30_000, '30s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [3_660_000, '1h1m'],
  ])('%d -> %s', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});
