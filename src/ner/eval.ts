// Exact-span scoring, conlleval-style: gold [B-PER I-PER] vs predicted [B-PER O] -> one false positive, one miss.

export type NerClass = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const NER_CLASSES: readonly NerClass[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** A token-index span, half-open. */
export interface NerSpan {
  start: number;
  end: number;
  cls: NerClass;
}

/**
 * Entity spans of a BIO tag sequence. Like conlleval, an I-X that does not continue an X starts a new span.
 * @example bioToSpans(['B-PER', 'I-PER', 'O', 'B-LOC']) // [{start:0,end:2,cls:'PER'},{start:3,end:4,cls:'LOC'}]
 */
export function bioToSpans(tags: readonly string[]): NerSpan[] {
  const spans: NerSpan[] = [];
  let cur: NerSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const kind = tag.slice(0, 2);
    const cls = tag.slice(2) as NerClass;
    const continues = cur !== null && kind === 'I-' && cur.cls === cls;
    if (continues) {
      cur!.end = i + 1;
      continue;
    }
    if (cur) spans.push(cur);
    cur = null;
    if ((kind === 'B-' || kind === 'I-') && (NER_CLASSES as readonly string[]).includes(cls)) {
      cur = { start: i, end: i + 1, cls };
    }
  }
  if (cur) spans.push(cur);
  return spans;
}

/** Counts and scores of one class (or of all classes, under the name 'ALL'). */
export interface ClassScore {
  readonly cls: NerClass | 'ALL';
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function score(cls: NerClass | 'ALL', gold: number, predicted: number, correct: number): ClassScore {
  const precision = predicted > 0 ? correct / predicted : 0;
  const recall = gold > 0 ? correct / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { cls, gold, predicted, correct, precision, recall, f1 };
}

/**
 * Exact-span precision, recall and F1 per class and overall over aligned gold/predicted tag sequences.
 * @example scoreSpans([['B-PER', 'I-PER']], [['B-PER', 'I-PER']]).find((s) => s.cls === 'ALL')!.f1 // 1
 */
export function scoreSpans(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): ClassScore[] {
  const g = new Map<string, number>();
  const p = new Map<string, number>();
  const c = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  if (gold.length !== predicted.length) throw new RangeError(`scoreSpans: ${gold.length} gold sentences but ${predicted.length} predicted`);
  for (let s = 0; s < gold.length; s++) {
    const gs = bioToSpans(gold[s]!);
    const ps = bioToSpans(predicted[s]!);
    const goldKeys = new Set(gs.map((x) => `${x.start}:${x.end}:${x.cls}`));
    for (const x of gs) inc(g, x.cls);
    for (const x of ps) {
      inc(p, x.cls);
      if (goldKeys.has(`${x.start}:${x.end}:${x.cls}`)) inc(c, x.cls);
    }
  }
  const rows = NER_CLASSES.map((k) => score(k, g.get(k) ?? 0, p.get(k) ?? 0, c.get(k) ?? 0));
  const sum = (f: (r: ClassScore) => number): number => rows.reduce((a, r) => a + f(r), 0);
  rows.push(score('ALL', sum((r) => r.gold), sum((r) => r.predicted), sum((r) => r.correct)));
  return rows;
}

/** A fixed-width table of scores, one class a line, as `npm run eval` prints it. */
export function formatScores(rows: readonly ClassScore[]): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(7);
  const lines = ['class    gold  pred  correct  precision  recall      F1'];
  for (const r of rows) {
    lines.push(
      `${r.cls.padEnd(5)} ${String(r.gold).padStart(6)} ${String(r.predicted).padStart(5)} ${String(r.correct).padStart(8)}    ${pct(r.precision)}  ${pct(r.recall)} ${pct(r.f1)}`,
    );
  }
  return lines.join('\n');
}
