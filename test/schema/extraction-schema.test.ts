// Every record extract produces validates against schema/extraction.schema.json, and the schema rejects broken ones.
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import { extract } from '../../src/extract.js';
import { articleFromText } from '../../src/input/read-inputs.js';
import type { ExtractionRecord } from '../../src/model/types.js';

const schema = JSON.parse(readFileSync('schema/extraction.schema.json', 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('extraction record JSON Schema', () => {
  const files = readdirSync('corpus').filter((f) => f.endsWith('.txt'));
  const records = files.map((f) => extract(articleFromText(readFileSync(`corpus/${f}`, 'utf8'), `corpus/${f}`)));

  it.each(files.map((f, i) => [f, i] as const))('%s validates', (_f, i) => {
    const ok = validate(records[i]);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('every offset slices the article text to the recorded surface', () => {
    files.forEach((f, i) => {
      const text = articleFromText(readFileSync(`corpus/${f}`, 'utf8'), f).text;
      const r = records[i]!;
      for (const e of r.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      for (const x of [...r.references, ...r.dates]) expect(text.slice(x.start, x.end)).toBe(x.text);
      for (const ev of [...r.events, ...r.nonFactual]) expect(text.slice(ev.evidence.start, ev.evidence.end)).toBe(ev.evidence.text);
    });
  });

  it('rejects a record with a wrong class, a JS timestamp as a date, or a missing field', () => {
    const good = records[0]! as ExtractionRecord;
    const bad = (mutate: (r: Record<string, unknown>) => void): boolean => {
      const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
      mutate(copy);
      return validate(copy) as boolean;
    };
    expect(bad(() => undefined)).toBe(true);
    expect(bad((r) => ((r.entities as { class: string }[])[0]!.class = 'PERSON'))).toBe(false);
    expect(bad((r) => ((r.dates as { value: string }[])[0]!.value = '2020-05-25T00:00:00.000Z'))).toBe(false);
    expect(bad((r) => delete r.nonFactual)).toBe(false);
    expect(bad((r) => (r.schemaVersion = 2))).toBe(false);
  });
});
