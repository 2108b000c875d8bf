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
  const dated: { source: readonly string[]; date: string }[] = [];
  return found.map((e) => {
    for (const clause of e.clauses) {
      const own = usable.find((d) => d.start >= clause.start && d.end <= clause.end);
      if (own) {
        const date = own.value.slice(0, 10);
        if (!e.modality) dated.push({ source: e.source, date });
        return { ...e, date };
      }
    }
    // Hypothetical and future acts take only their own temporal expression.
    if (e.tense !== 'past' || e.modality === 'hypothetical' || e.modality === 'future') return { ...e };
    const same = [...dated].reverse().find((d) => d.source.some((s) => e.source.includes(s)));
    return { ...e, date: same ? same.date : articleDate };
  });
}
