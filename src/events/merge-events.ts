// One statement, one event: "the decision violated basic norms" and "harmed China's interests" by the same speaker
// against the same target in one sentence become one ACCUSE with both charges (each sentence keeps its own).
import type { DatedEvent } from './date-events.js';

const MERGEABLE = new Set(['ACCUSE', 'CRITICIZE']);

export interface MergedEvent extends DatedEvent {
  /** Sentence indices the event's evidence spans. */
  readonly sentences: readonly number[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Merges accusations and criticisms that continue one statement.
 * @example mergeEvents(events).length <= events.length
 */
export function mergeEvents(events: readonly DatedEvent[]): MergedEvent[] {
  const out: MergedEvent[] = [];
  for (const e of events) {
    const prev = [...out].reverse().find(
      (p) =>
        MERGEABLE.has(e.type) &&
        p.type === e.type &&
        !p.modality === !e.modality &&
        p.modality === e.modality &&
        e.sentence === p.sentences.at(-1)! &&
        sameSet(p.targets, e.targets) &&
        p.source.some((s) => e.source.includes(s)) &&
        p.date === e.date,
    );
    if (!prev) {
      out.push({ ...e, sentences: [e.sentence] });
      continue;
    }
    const charge = joinNew(prev.charge, e.charge, '; ');
    const quote = joinNew(prev.quote, e.quote, ' … ');
    out[out.indexOf(prev)] = {
      ...prev,
      source: [...new Set([...prev.source, ...e.source])],
      ...(charge ? { charge } : {}),
      ...(quote ? { quote } : {}),
      confidence: Math.max(prev.confidence, e.confidence),
      sentences: [...new Set([...prev.sentences, e.sentence])],
    };
  }
  return out;
}

/** `a` and `b` joined, or `a` alone when it already holds `b`. */
function joinNew(a: string | undefined, b: string | undefined, sep: string): string | undefined {
  if (!a) return b;
  if (!b || a.includes(b)) return a;
  return `${a}${sep}${b}`;
}
