// "The ministry accused Acme Corp. of spying" -> ACCUSE source ministry, target Acme Corp., charge "spying"
import { createHash } from 'node:crypto';
import type { Doc, Entity, Event, Sentence } from '../../model/types.js';
import type { Stage } from '../stage.js';

const ACCUSE_TRIGGER = /^accus(e|es|ed|ing)$/iu;
const PASSIVE_AUX = /^(is|are|was|were|been|be|being)$/iu;
const SAID = /^(said|says|say|stated|added)$/iu;

interface Placed {
  entity: Entity;
  start: number;
  end: number;
}

/** Deterministic event id from the article, type and trigger position. */
export function eventId(articleId: string, type: string, triggerStart: number, targets: readonly string[]): string {
  const h = createHash('sha1').update(`${articleId}\u0000${type}\u0000${triggerStart}\u0000${targets.join(',')}`).digest('hex');
  return `ev_${h.slice(0, 16)}`;
}

export function findAccusations(doc: Doc): Event[] {
  const events: Event[] = [];
  const placed: Placed[] = doc.entities
    .flatMap((entity) => entity.mentions.map((m) => ({ entity, start: m.start, end: m.end })))
    .sort((a, b) => a.start - b.start);
  for (const sentence of doc.sentences) {
    const toks = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
    const inSentence = placed.filter((p) => p.start >= sentence.start && p.end <= sentence.end);
    toks.forEach((tok, k) => {
      if (!ACCUSE_TRIGGER.test(tok.text)) return;
      const next = toks[k + 1];
      const prev = toks[k - 1];
      const passive = (prev && PASSIVE_AUX.test(prev.text)) || (next?.text.toLowerCase() === 'of' && !/ing$/iu.test(tok.text) && !inSentence.some((p) => p.start > tok.end && p.start < next.start));
      const before = inSentence.filter((p) => p.end <= tok.start);
      const after = inSentence.filter((p) => p.start >= tok.end);
      let source: Placed | undefined;
      let target: Placed | undefined;
      if (passive) {
        target = before.at(-1);
        source = speakerOf(doc, sentence, toks.slice(k), after);
      } else {
        source = before.at(-1);
        target = after[0];
      }
      const ofIdx = toks.findIndex((t, i) => i > k && t.text.toLowerCase() === 'of');
      const charge = ofIdx >= 0 ? chargeAfter(doc.article.text, toks.slice(ofIdx + 1), sentence) : undefined;
      if (!source && !target) return;
      const targets = target ? [target.entity.id] : [];
      const date = doc.dates.find((d) => d.start >= sentence.start && d.end <= sentence.end && d.type === 'DATE')?.value;
      events.push({
        id: eventId(doc.article.id, 'ACCUSE', tok.start, targets),
        type: 'ACCUSE',
        source: source ? [source.entity.id] : [],
        targets,
        ...(charge ? { charge } : {}),
        ...(date ? { date } : {}),
        trigger: tok.text,
        confidence: source && target ? 0.8 : 0.5,
        evidence: { start: sentence.start, end: sentence.end, text: sentence.text },
      });
    });
  }
  return events;
}

function speakerOf(doc: Doc, sentence: Sentence, rest: readonly { text: string; start: number }[], after: Placed[]): Placed | undefined {
  const saidAt = rest.findIndex((t) => SAID.test(t.text));
  if (saidAt < 0) return undefined;
  void doc;
  void sentence;
  return after.find((p) => p.start > rest[saidAt]!.start) ?? after.filter((p) => p.end <= rest[saidAt]!.start).at(-1);
}

function chargeAfter(text: string, toks: readonly { text: string; start: number; end: number }[], sentence: Sentence): string | undefined {
  const stop = toks.findIndex((t) => /^[,;.”"]$/u.test(t.text) || /^(by|to|in|and)$/iu.test(t.text));
  const span = stop < 0 ? toks : toks.slice(0, stop);
  if (span.length === 0) return undefined;
  void sentence;
  return text.slice(span[0]!.start, span.at(-1)!.end).replace(/^[“"]/u, '');
}

export const extractEvents: Stage = {
  name: 'extract-events',
  requires: ['sentences', 'tokens', 'entities', 'dates'],
  assigns: ['events'],
  run(doc) {
    return { ...doc, events: findAccusations(doc) };
  },
};
