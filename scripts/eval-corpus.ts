// Scores `extract` on every corpus/<slug>.txt against test/fixtures/corpus/<slug>.expected.json (hand-written gold):
// precision/recall/F1 per field — entities (name+class), events (type+source+target), event dates (on matched
// events), dates (text+value) — per article and over the corpus (micro-averaged).
// Usage: npm run eval:corpus [-- --verbose] [--only SLUG]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/extract.js';
import { articleFromText } from '../src/input/read-inputs.js';
import type { Entity, Event, ExtractionRecord } from '../src/model/types.js';

interface GoldEntity { name: string; class: string; aliases?: string[]; mentions?: string[] }
interface GoldEvent { type: string; source: string[]; targets: string[]; date?: string | null; charge?: string; trigger?: string; modality?: string; sentence?: string }
interface GoldDate { text: string; value: string }
interface Gold { entities: GoldEntity[]; events: GoldEvent[]; nonFactual?: GoldEvent[]; dates: GoldDate[] }

interface Tally { tp: number; pred: number; gold: number }
const tally = (): Tally => ({ tp: 0, pred: 0, gold: 0 });
const add = (a: Tally, b: Tally): void => {
  a.tp += b.tp;
  a.pred += b.pred;
  a.gold += b.gold;
};
const FIELDS = ['entities', 'events', 'eventDates', 'nonFactual', 'dates'] as const;
type Field = (typeof FIELDS)[number];

export const norm = (s: string): string =>
  s.normalize('NFKC').toLowerCase().replace(/[’‘`]/gu, "'").replace(/[.,]/gu, '').replace(/^the /u, '').replace(/\s+/gu, ' ').trim();

/** One-to-one greedy matching of multisets of keys. */
function matchKeys(pred: readonly string[], gold: readonly string[]): Tally {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of pred) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      tp += 1;
      left.set(p, n - 1);
    }
  }
  return { tp, pred: pred.length, gold: gold.length };
}

/** Names an output entity id goes by (canonical name and aliases), normalised. */
function namesOf(record: ExtractionRecord): Map<string, Set<string>> {
  const byId = new Map<string, Set<string>>();
  for (const e of record.entities as Entity[]) byId.set(e.id, new Set([e.name, ...e.aliases, ...e.mentions.map((m) => m.text)].map(norm)));
  return byId;
}

function goldNames(gold: Gold): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const e of gold.entities) m.set(e.name, new Set([e.name, ...(e.aliases ?? []), ...(e.mentions ?? [])].map(norm)));
  return m;
}

function overlaps(predIds: readonly string[], goldList: readonly string[], pn: Map<string, Set<string>>, gn: Map<string, Set<string>>): boolean {
  if (predIds.length === 0 && goldList.length === 0) return true;
  return predIds.some((id) => goldList.some((g) => {
    const a = pn.get(id) ?? new Set<string>();
    const b = gn.get(g) ?? new Set([norm(g)]);
    // The canonical names must agree, or one side's canonical name is among the other's names.
    return [...a].some((x) => b.has(x));
  }));
}

/** Events match on type, an overlapping source and an overlapping target set (AGREE: the union of both). */
function matchEvents(pred: readonly Event[], gold: readonly GoldEvent[], pn: Map<string, Set<string>>, gn: Map<string, Set<string>>): { t: Tally; pairs: [Event, GoldEvent][] } {
  const usedGold = new Set<number>();
  const pairs: [Event, GoldEvent][] = [];
  for (const p of pred) {
    const gi = gold.findIndex((g, k) => {
      if (usedGold.has(k) || g.type !== p.type) return false;
      if (p.type === 'AGREE') return overlaps([...p.source, ...p.targets], [...g.source, ...g.targets], pn, gn);
      return overlaps(p.source, g.source, pn, gn) && overlaps(p.targets, g.targets, pn, gn);
    });
    if (gi >= 0) {
      usedGold.add(gi);
      pairs.push([p, gold[gi]!]);
    }
  }
  return { t: { tp: pairs.length, pred: pred.length, gold: gold.length }, pairs };
}

export function scoreArticle(record: ExtractionRecord, gold: Gold): { tallies: Record<Field, Tally>; misses: string[] } {
  const pn = namesOf(record);
  const gn = goldNames(gold);
  const misses: string[] = [];
  const entities = matchKeys(
    record.entities.filter((e) => !e.group).map((e) => `${norm(e.name)}|${e.class}`),
    gold.entities.filter((e) => !(e as { group?: boolean }).group).map((e) => `${norm(e.name)}|${e.class}`),
  );
  const ev = matchEvents(record.events, gold.events, pn, gn);
  const nf = matchEvents(record.nonFactual, gold.nonFactual ?? [], pn, gn);
  const dated = ev.pairs.filter(([p, g]) => (p.date ?? null) === (g.date ?? null)).length;
  const eventDates: Tally = { tp: dated, pred: ev.pairs.length, gold: ev.pairs.length };
  const dates = matchKeys(record.dates.map((d) => `${d.text}|${d.value}`), gold.dates.map((d) => `${d.text}|${d.value}`));
  const show = (ids: readonly string[]): string => ids.map((id) => record.entities.find((e) => e.id === id)?.name ?? id).join('+');
  for (const g of gold.events) if (!ev.pairs.some(([, x]) => x === g)) misses.push(`  missed ${g.type} ${g.source.join('+')} -> ${g.targets.join('+')} (${g.trigger ?? ''})${g.sentence ? `\n         « ${g.sentence} »` : ''}`);
  for (const p of record.events) if (!ev.pairs.some(([x]) => x === p)) misses.push(`  extra  ${p.type} ${show(p.source)} -> ${show(p.targets)} (${p.trigger}) « ${p.evidence.text.slice(0, 120)} »`);
  for (const [p, g] of ev.pairs) if ((p.date ?? null) !== (g.date ?? null)) misses.push(`  date   ${p.type} ${show(p.source)} -> ${show(p.targets)}: ${p.date ?? 'null'} vs gold ${g.date ?? 'null'}`);
  return { tallies: { entities, events: ev.t, eventDates, nonFactual: nf.t, dates }, misses };
}

const pct = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) : '    -');
function prf(t: Tally): string {
  const p = t.pred ? t.tp / t.pred : NaN;
  const r = t.gold ? t.tp / t.gold : NaN;
  const f = p + r > 0 ? (2 * p * r) / (p + r) : NaN;
  return `P ${pct(p)} R ${pct(r)} F ${pct(f)} (${t.tp}/${t.pred}/${t.gold})`;
}

function main(argv: readonly string[]): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const verbose = argv.includes('--verbose');
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const corpus = join(root, 'corpus');
  const totals = Object.fromEntries(FIELDS.map((f) => [f, tally()])) as Record<Field, Tally>;
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt') && (!only || f.startsWith(only))).sort();
  for (const file of files) {
    const slug = basename(file, '.txt');
    const goldPath = join(root, 'test', 'fixtures', 'corpus', `${slug}.expected.json`);
    if (!existsSync(goldPath)) {
      console.log(`${slug}: no gold file, skipped`);
      continue;
    }
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
    const article = articleFromText(readFileSync(join(corpus, file), 'utf8'), join(corpus, file));
    const record = extract(article);
    const { tallies, misses } = scoreArticle(record, gold);
    console.log(`${slug}`);
    for (const f of FIELDS) {
      add(totals[f], tallies[f]);
      console.log(`  ${f.padEnd(10)} ${prf(tallies[f])}`);
    }
    if (verbose) for (const m of misses) console.log(m);
  }
  console.log('\nALL (micro, tp/pred/gold)');
  for (const f of FIELDS) console.log(`  ${f.padEnd(10)} ${prf(totals[f])}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
