// Event dates: "announced Friday" dates its own clause; "the ministry accused …" (past, undated) takes the date of
// the same source's dated statement earlier on, else the article date; "Washington says …" (generic) has none.
import type { DateRef } from '../model/types.js';
import type { FoundEvent } from './find-events.js';

const SPECIFIC = /^\d{4}(-\d{2}(-\d{2})?|-W\d{2}(-\d)?|-Q\d)?$/u;

export interface DatedEvent extends FoundEvent {
  readonly date?: string;
}

/**
 * Dates events in text order by the three rules above.
 * @example dateEvents(found, doc.dates, '2020-05-25')
 */
export function dateEvents(found: readonly FoundEvent[], dates: readonly DateRef[], articleDate: string): DatedEvent[] {
  const usable = dates.filter((d) => (d.type === 'DATE' || d.type === 'TIME') && SPECIFIC.test(d.value.slice(0, 10)));
  const ownDate = (e: FoundEvent): string | undefined => {
    for (const clause of e.clauses) {
      const own = usable.find((d) => d.start >= clause.start && d.end <= clause.end);
      if (own) return own.value.slice(0, 10);
    }
    return undefined;
  };
  const own = found.map(ownDate);
  // The same source's dated statements, in text order (descriptive ones too: "the measures announced Friday").
  const dated = found.map((e, k) => ({ e, k, date: own[k] })).filter((d) => d.date !== undefined && !d.e.modality && !d.e.undated);
  return found.map((e, k) => {
    if (e.undated) return { ...e };
    if (own[k]) return { ...e, date: own[k] };
    // Hypothetical and future acts take only their own temporal expression.
    if (e.modality === 'hypothetical' || e.modality === 'future') return { ...e };
    // A nominal or infinitival act ("the decision to add …") takes its source's dated statement, else nothing.
    if (e.tense !== 'past' && !(e.tense === 'none' && !e.modality)) return { ...e };
    const sameSource = (d: { e: FoundEvent }): boolean => d.e.source.some((s) => e.source.includes(s));
    const same = [...dated].reverse().find((d) => d.k < k && sameSource(d)) ?? dated.find((d) => d.k > k && sameSource(d));
    if (same) return { ...e, date: same.date! };
    return e.tense === 'past' ? { ...e, date: articleDate } : { ...e };
  });
}
