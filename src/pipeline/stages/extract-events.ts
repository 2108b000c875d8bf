// "The foreign ministry accused the Trump administration of interfering in China’s affairs" -> ACCUSE
// source [foreign ministry] targets [Trump administration] charge "interfering in China’s affairs"; negated and
// hypothetical events ("did not accuse", "has yet to say whether it will retaliate") go to doc.nonFactual.
import { createHash } from 'node:crypto';
import type { Doc, Event } from '../../model/types.js';
import { dateEvents } from '../../events/date-events.js';
import { findEvents } from '../../events/find-events.js';
import { mergeEvents, type MergedEvent } from '../../events/merge-events.js';
import type { Stage } from '../stage.js';

/**
 * Deterministic event id from the article, type, trigger position and targets.
 * @example eventId('a1', 'ACCUSE', 42, ['e2']) // 'ev_…' (same input, same id)
 */
export function eventId(articleId: string, type: string, triggerStart: number, targets: readonly string[]): string {
  const h = createHash('sha1').update(`${articleId}\u0000${type}\u0000${triggerStart}\u0000${targets.join(',')}`).digest('hex');
  return `ev_${h.slice(0, 16)}`;
}

function toEvent(doc: Doc, e: MergedEvent): Event {
  const first = doc.sentences[e.sentences[0]!]!;
  const last = doc.sentences[e.sentences.at(-1)!]!;
  return {
    id: eventId(doc.article.id, e.type, e.triggerStart, e.targets),
    type: e.type,
    source: e.source,
    targets: e.targets,
    ...(e.charge ? { charge: e.charge } : {}),
    ...(e.quote ? { quote: e.quote } : {}),
    ...(e.date ? { date: e.date } : {}),
    trigger: e.trigger,
    confidence: Math.round(e.confidence * 100) / 100,
    evidence: { start: first.start, end: last.end, text: doc.article.text.slice(first.start, last.end) },
    ...(e.modality ? { modality: e.modality } : {}),
  };
}

/** Events of the document, split into what happened and what is negated, hypothetical or possible. */
export function readEvents(doc: Doc): { events: Event[]; nonFactual: Event[] } {
  const dated = dateEvents(findEvents(doc), doc.dates, doc.article.date).filter((e) => !e.descriptive);
  const merged = mergeEvents(dated).map((e) => toEvent(doc, e));
  return { events: merged.filter((e) => !e.modality), nonFactual: merged.filter((e) => e.modality) };
}

export const extractEvents: Stage = {
  name: 'extract-events',
  requires: ['sentences', 'tokens', 'entities', 'dates'],
  assigns: ['events'],
  run(doc, ctx) {
    const { events, nonFactual } = readEvents(doc);
    ctx.debug(() => `${events.length} events, ${nonFactual.length} non-factual: ${events.map((e) => `${e.type}(${e.source.join('+')}->${e.targets.join('+')})`).join(' ')}`);
    return { ...doc, events, nonFactual };
  },
};
