// A huge article runs window by window: windows cover the text at paragraph cuts, and the merged record points into
// the whole text (offsets shifted), with one entity per key and short forms joined across windows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extract, windowArticle } from '../../src/extract.js';
import type { Article, ExtractionRecord } from '../../src/model/types.js';
import { mergeWindows, WindowMerger } from '../../src/pipeline/merge-windows.js';
import { toGraph } from '../../src/graph/to-graph.js';
import type { GraphRows } from '../../src/graph/types.js';
import { SEGMENT_ABOVE, WINDOW_CHARS, windowsOf } from '../../src/pipeline/windows.js';

const CORPUS = new URL('../../corpus/', import.meta.url);
const paragraphs = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(new URL(f, CORPUS), 'utf8').replace(/^\s*date \S+\s+/u, '').split(/\n\s*\n/u))
  .map((p) => p.trim())
  .filter((p) => p.length > 0);

/** Every span of a record, with the text it claims to cover. */
function spans(r: ExtractionRecord): { start: number; end: number; text: string }[] {
  return [
    ...r.entities.flatMap((e) => e.mentions),
    ...r.references,
    ...r.dates,
    ...[...r.events, ...r.nonFactual].map((e) => e.evidence),
  ];
}

describe('windowsOf', () => {
  const text = paragraphs.join('\n\n');

  it('covers the text without gaps, each window at most the size, cut after a blank line', () => {
    const ws = windowsOf(text, 4000);
    expect(ws.length).toBeGreaterThan(3);
    expect(ws[0]!.start).toBe(0);
    expect(ws.at(-1)!.end).toBe(text.length);
    ws.forEach((w, i) => {
      expect(w.end - w.start).toBeLessThanOrEqual(4000);
      if (i > 0) expect(w.start).toBe(ws[i - 1]!.end);
      if (i < ws.length - 1) expect(text.slice(w.end - 2, w.end)).toBe('\n\n');
    });
  });

  it('falls back to a sentence end, then to whitespace, and never splits a surrogate pair', () => {
    const sentences = 'China said no. '.repeat(50);
    for (const w of windowsOf(sentences, 100).slice(0, -1)) expect(sentences.slice(w.end - 2, w.end)).toBe('. ');
    const words = 'tariff '.repeat(50);
    for (const w of windowsOf(words, 100).slice(0, -1)) expect(words[w.end - 1]).toBe(' ');
    const emoji = '😀'.repeat(100);
    const ws = windowsOf(emoji, 51);
    expect(ws.map((w) => emoji.slice(w.start, w.end)).join('')).toBe(emoji);
    for (const w of ws) expect(w.start % 2).toBe(0);
  });

  it('leaves a text up to the size in one window', () => {
    expect(windowsOf('Short text.', 100)).toEqual([{ start: 0, end: 11 }]);
  });
});

describe('mergeWindows', () => {
  const date = '2020-05-25';
  const first = 'President Donald Trump accused China of unfair trade on Monday. Huawei Technologies Ltd. denied it.\n\n';
  // Alone, this window tags "Trump" an organisation: only the first window says who he is.
  const second = 'On Tuesday, Trump told reporters that Beijing would pay. Trump said talks with Huawei would continue, Huawei said.';
  const article: Article = { id: 'w', date, text: first + second };
  const windows = [
    { start: 0, end: first.length },
    { start: first.length, end: article.text.length },
  ];
  const merged = mergeWindows(
    article,
    windows.map((w) => ({ offset: w.start, record: extract(windowArticle(article, w)) })),
  );

  it('shifts every span back to the article: text.slice(start, end) is the span', () => {
    expect(spans(merged).length).toBeGreaterThan(6);
    for (const s of spans(merged)) expect(article.text.slice(s.start, s.end)).toBe(s.text);
    expect(merged.entities.flatMap((e) => e.mentions).some((m) => m.start >= first.length)).toBe(true);
  });

  it('joins a short form in one window to its full form in another, and keeps one entity per key', () => {
    const byKey = new Map(merged.entities.map((e) => [e.key, e]));
    expect(byKey.size).toBe(merged.entities.length);
    const trump = byKey.get('PER:donald trump');
    expect(trump?.mentions.map((m) => m.text)).toEqual(['Donald Trump', 'Trump', 'Trump']);
    expect(trump?.class).toBe('PER');
    expect(trump?.aliases).toContain('Trump');
    expect(merged.entities.filter((e) => e.name === 'Trump')).toEqual([]);
    expect(byKey.get('ORG:huawei technologies')?.mentions.map((m) => m.text)).toEqual(['Huawei Technologies Ltd.', 'Huawei', 'Huawei']);
    expect(byKey.get('LOC:china')?.mentions.map((m) => m.text)).toEqual(['China', 'Beijing']);
  });

  it('renumbers ids: unique entity ids by first mention, events pointing at merged entities, unique event ids', () => {
    const ids = merged.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const events = [...merged.events, ...merged.nonFactual];
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const e of events) for (const id of [...e.source, ...e.targets]) expect(ids).toContain(id);
    const accuse = merged.events.find((e) => e.type === 'ACCUSE');
    expect(accuse?.source.map((id) => merged.entities.find((x) => x.id === id)?.name)).toEqual(['Donald Trump']);
  });
});

describe('extract of a huge article', () => {
  let text = '';
  for (let i = 0; text.length <= SEGMENT_ABOVE + WINDOW_CHARS / 2; i += 1) text += `${paragraphs[i % paragraphs.length]}\n\n`;
  const article: Article = { id: 'huge', date: '2021-03-02', text };
  let record: ExtractionRecord;
  beforeAll(() => {
    record = extract(article);
  }, 180_000);

  it('is segmented into several windows', () => {
    expect(windowsOf(text).length).toBeGreaterThanOrEqual(3);
  });

  it('has offsets into the whole article, unique keys and ids, and entities merged across windows', () => {
    for (const s of spans(record)) expect(text.slice(s.start, s.end)).toBe(s.text);
    const keys = record.entities.map((e) => `${e.class}|${e.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    const events = [...record.events, ...record.nonFactual];
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const china = record.entities.find((e) => e.key === 'LOC:china')!;
    const [w1, , w3] = windowsOf(text);
    expect(china.mentions.some((m) => m.end <= w1!.end)).toBe(true);
    expect(china.mentions.some((m) => m.start >= w3!.start)).toBe(true);
  });
});

describe('WindowMerger with spill: the rows of a huge article without holding its record', () => {
  let text = '';
  for (let i = 0; text.length < 60_000; i += 1) text += `${paragraphs[i % paragraphs.length]}\n\n`;
  const article: Article = { id: 'spill', date: '2021-03-02', text };
  const windows = windowsOf(text, 6000);
  const records = windows.map((w) => extract(windowArticle(article, w)));
  const whole = toGraph(article, mergeWindows(article, records.map((record, i) => ({ offset: windows[i]!.start, record }))), 'v1');
  const merger = new WindowMerger(article, { spill: true, eventsPerPart: 10 });
  records.forEach((record, i) => merger.add(windows[i]!.start, record));
  const { record, rows } = merger.graph('v1');

  /** Every row of an article, deferred parts included, as sorted JSON lines (order is not part of the contract). */
  const flat = (r: GraphRows): { nodes: string[]; rels: string[] } => {
    const parts = [{ nodes: r.nodes, relationships: r.relationships }, ...(r.deferred?.parts() ?? [])];
    return {
      nodes: parts.flatMap((p) => p.nodes.map((n) => JSON.stringify(n))).sort(),
      rels: parts.flatMap((p) => p.relationships.map((x) => JSON.stringify(x))).sort(),
    };
  };

  it('gives the rows toGraph gives for the merged record: same nodes, same relationships', () => {
    expect(windows.length).toBeGreaterThan(8);
    const a = flat(whole);
    const b = flat(rows);
    expect(a.nodes.filter((n) => n.includes('"label":"Event"')).length).toBeGreaterThan(20);
    expect(b.nodes).toEqual(a.nodes);
    expect(b.rels).toEqual(a.rels);
    expect(rows.contentHash).toBe(whole.contentHash);
  });

  it('keeps the events out of memory: the in-memory rows hold no Event, the deferred parts every one, read afresh each time', () => {
    expect(rows.nodes.filter((n) => n.label === 'Event')).toEqual([]);
    expect(rows.relationships.filter((r) => r.type === 'REPORTED_IN')).toEqual([]);
    const once = [...rows.deferred!.parts()];
    const twice = [...rows.deferred!.parts()];
    expect(once.length).toBeGreaterThan(2);
    expect(twice).toEqual(once);
    expect(once.flatMap((p) => p.nodes).every((n) => n.label === 'Event')).toBe(true);
  });

  it('returns an abridged record: the same entities without mentions, nothing else', () => {
    const full = mergeWindows(article, records.map((r, i) => ({ offset: windows[i]!.start, record: r })));
    expect(record.entities.map((e) => [e.id, e.key, e.name])).toEqual(full.entities.map((e) => [e.id, e.key, e.name]));
    expect(record.entities.every((e) => e.mentions.length === 0)).toBe(true);
    expect([record.events, record.nonFactual, record.references, record.dates]).toEqual([[], [], [], []]);
    expect(() => merger.record()).toThrow(/spilled/u);
  });

  it('deletes its window files on dispose, once', () => {
    const files = (merger as unknown as { spillDir: string }).spillDir;
    expect(existsSync(files)).toBe(true);
    rows.deferred!.dispose();
    expect(existsSync(files)).toBe(false);
    expect(() => rows.deferred!.dispose()).not.toThrow();
  });
});
