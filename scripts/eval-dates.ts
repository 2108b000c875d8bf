// Scores the temporal stage on TempEval-3 TBAQ (../shared/data/tempeval3/tbaq.jsonl), dev and held-back parts.
// Split rule, fixed once: FNV-1a 32-bit hash of the article id, mod 5 === 0 -> held-back; the rest -> dev.
// Usage: npm run eval:dates [-- --errors dev|held-back] [--data PATH]
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDates } from '../src/dates/index.js';
import type { DateRef } from '../src/model/types.js';

interface Gold { tid: string; text: string; start: number; end: number; type: string; value: string }
interface Article { id: string; date: string; text: string; gold: Gold[] }

const TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
export function isHeldBack(id: string): boolean {
  return fnv1a(id) % 5 === 0;
}

interface Counts { gold: number; pred: number; spanTpGold: number; spanTpPred: number; valueTpGold: number; valueTpPred: number; matched: number; matchedValue: number }
const zero = (): Counts => ({ gold: 0, pred: 0, spanTpGold: 0, spanTpPred: 0, valueTpGold: 0, valueTpPred: 0, matched: 0, matchedValue: 0 });

function score(articles: Article[], errors: boolean): Record<string, Counts> {
  const by: Record<string, Counts> = { ALL: zero() };
  for (const t of TYPES) by[t] = zero();
  for (const a of articles) {
    const pred = extractDates(a.text, { articleDate: a.date });
    const usedPred = new Set<number>();
    const goldMatch = new Map<number, DateRef>();
    a.gold.forEach((g, gi) => {
      let best = -1;
      let bestOverlap = 0;
      pred.forEach((p, pi) => {
        if (usedPred.has(pi)) return;
        const ov = Math.min(p.end, g.end) - Math.max(p.start, g.start);
        if (ov > bestOverlap) { bestOverlap = ov; best = pi; }
      });
      if (best >= 0) { usedPred.add(best); goldMatch.set(gi, pred[best]!); }
    });
    const predGold = new Map<DateRef, Gold>();
    a.gold.forEach((g, gi) => { const p = goldMatch.get(gi); if (p) predGold.set(p, g); });
    a.gold.forEach((g, gi) => {
      const p = goldMatch.get(gi);
      for (const k of ['ALL', g.type]) {
        const c = by[k]!;
        c.gold++;
        if (p) { c.spanTpGold++; c.matched++; if (p.value === g.value) { c.valueTpGold++; c.matchedValue++; } }
      }
      if (errors && (!p || p.value !== g.value)) {
        console.log(`${p ? 'VALUE' : 'MISS '} ${a.date} ${g.type} ${JSON.stringify(g.text)} gold=${g.value} pred=${p ? `${JSON.stringify(p.text)} ${p.type} ${p.value}` : '-'} | ${ctx(a.text, g.start, g.end)}`);
      }
    });
    for (const p of pred) {
      const g = predGold.get(p);
      for (const k of ['ALL', p.type]) {
        const c = by[k]!;
        c.pred++;
        if (g) { c.spanTpPred++; if (g.value === p.value) c.valueTpPred++; }
      }
      if (errors && !g) console.log(`EXTRA ${a.date} ${p.type} ${JSON.stringify(p.text)} ${p.value} | ${ctx(a.text, p.start, p.end)}`);
    }
  }
  return by;
}

function ctx(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 50), start)}[${text.slice(start, end)}]${text.slice(end, end + 30)}`.replace(/\s+/g, ' ');
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const fmt = (x: number): string => x.toFixed(3);

function table(name: string, n: number, by: Record<string, Counts>): string {
  const lines = [`${name} (${n} articles)`, 'type      gold  pred  spanP  spanR  spanF1  valAcc  valP   valR   valF1'];
  for (const k of [...TYPES, 'ALL']) {
    const c = by[k]!;
    const sp = c.pred ? c.spanTpPred / c.pred : 0;
    const sr = c.gold ? c.spanTpGold / c.gold : 0;
    const vp = c.pred ? c.valueTpPred / c.pred : 0;
    const vr = c.gold ? c.valueTpGold / c.gold : 0;
    const acc = c.matched ? c.matchedValue / c.matched : 0;
    lines.push(`${k.padEnd(8)} ${String(c.gold).padStart(5)} ${String(c.pred).padStart(5)}  ${fmt(sp)}  ${fmt(sr)}  ${fmt(f1(sp, sr))}   ${fmt(acc)}   ${fmt(vp)}  ${fmt(vr)}  ${fmt(f1(vp, vr))}`);
  }
  return lines.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const here = dirname(fileURLToPath(import.meta.url));
  const dataArg = args.indexOf('--data');
  const path = dataArg >= 0 ? args[dataArg + 1]! : resolve(here, '../../shared/data/tempeval3/tbaq.jsonl');
  const errArg = args.indexOf('--errors');
  const errorsFor = errArg >= 0 ? args[errArg + 1] : undefined;
  const articles: Article[] = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Article);
  const dev = articles.filter((a) => !isHeldBack(a.id));
  const held = articles.filter((a) => isHeldBack(a.id));
  console.log(`TBAQ ${path}\nsplit: fnv1a(id) % 5 === 0 -> held-back; span match = overlap; value F1 = overlap + exact value; type columns: gold type for recall, predicted type for precision\n`);
  const devScores = score(dev, errorsFor === 'dev');
  console.log(table('dev', dev.length, devScores));
  console.log('');
  const heldScores = score(held, errorsFor === 'held-back');
  console.log(table('held-back', held.length, heldScores));
}

main();
