// The embedded bulk path's CSV staging: written a megabyte at a time, the same file as one string would give.
import { existsSync, readFileSync } from 'node:fs';
import { StagingArea } from '../../../src/store/embedded/staged-writer.js';

describe('StagingArea.stage', () => {
  const area = new StagingArea();
  afterAll(() => area.remove());

  it('writes every row of a table larger than one write, in order, with the header', () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => ({ key: `entity "${i}" with a long enough name`, n: i }));
    const file = area.stage('Big.csv', ['key', 'n'], ['string', 'number'], rows);
    expect(file).toBeDefined();
    const lines = readFileSync(file!, 'utf8').split('\n');
    expect(lines[0]).toBe('c0,c1');
    expect(lines.length).toBe(rows.length + 2); // header, rows, and the empty string after the last newline
    expect(lines[1]).toBe('"entity ""0"" with a long enough name",0');
    expect(lines[rows.length]).toBe(`"entity ""${rows.length - 1}"" with a long enough name",${rows.length - 1}`);
    expect(lines[lines.length - 1]).toBe('');
  });

  it('gives up on a value CSV cannot carry, even past the first write, and leaves no file behind', () => {
    const rows: Record<string, unknown>[] = Array.from({ length: 40_000 }, (_, i) => ({ key: `k${i} ${'x'.repeat(40)}` }));
    rows.push({ key: '' }); // an empty string reads back as null: such rows must go through UNWIND
    const before = area.stage('Probe.csv', ['key'], ['string'], [{ key: 'a' }]);
    expect(before).toBeDefined();
    expect(area.stage('Bad.csv', ['key'], ['string'], rows)).toBeUndefined();
    expect(existsSync(before!.replace('Probe.csv', 'Bad.csv'))).toBe(false);
  });
});
