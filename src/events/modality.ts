// Modality and tense of a trigger from the words before it in its clause:
// "did not accuse" -> negated, "might impose" -> possible, "threatened to retaliate" -> hypothetical.
import type { SentenceView } from './clauses.js';
import { clauseStart } from './clauses.js';
import { DENIAL_VERBS, FUTURE_MARKERS, HYPOTHETICAL_MODALS, IRREALIS_GOVERNORS, NEGATORS, OPEN_QUESTION, POSSIBILITY_MODALS } from './lexicon.js';

export type Modality = 'negated' | 'hypothetical' | 'possible' | 'future';
export type Tense = 'past' | 'present' | 'perfect' | 'none';

function isNegator(w: string): boolean {
  return NEGATORS.has(w) || /n't$/u.test(w);
}

/**
 * The modality of the event at token `i`, looking back to `from` (the clause start or the subject's end).
 * `contentOnly` (reported charges) keeps negation only: "Washington says X might be a threat" is still said.
 * @example modalityAt(view, 3, 0, false) // 'negated' for "China did not accuse …"
 */
export function modalityAt(view: SentenceView, i: number, from: number, contentOnly: boolean): Modality | undefined {
  const start = Math.max(from, clauseStart(view, i));
  const near = view.lower.slice(Math.max(start, i - 4), i);
  if (near.some(isNegator)) return 'negated';
  // "denied accusing X", "rejected claims that it spied"
  if (view.toks[i]!.tags.includes('Gerund') && DENIAL_VERBS.has(view.lower[i - 1] ?? '')) return 'negated';
  if (contentOnly) return undefined;
  // ", accusing Beijing of …": a participle adjunct has no modal of its own.
  if (view.lower[i - 1] === ',' && view.toks[i]!.tags.includes('Gerund')) return undefined;
  const window = view.lower.slice(start, i);
  if (window.some((w) => POSSIBILITY_MODALS.has(w) || OPEN_QUESTION.has(w)) || OPEN_QUESTION.has(view.lower[start] ?? '')) return 'possible';
  if (window.some((w) => HYPOTHETICAL_MODALS.has(w))) return 'hypothetical';
  // The clause opener itself ("whether it will retaliate", "if China fails").
  const opener = view.lower[start] ?? '';
  if (HYPOTHETICAL_MODALS.has(opener)) return 'hypothetical';
  const yetTo = window.findIndex((w, k) => w === 'yet' && window[k + 1] === 'to');
  if (yetTo >= 0) return 'future';
  if (window.some((w) => FUTURE_MARKERS.has(w) || w === "won't")) return 'future';
  if (/^'ll$/u.test(view.lower[i - 1] ?? '')) return 'future';
  // "going to", "threatened to", "plans to": the act lies in the complement of an irrealis verb.
  for (let k = i - 1; k >= Math.max(start, i - 4); k -= 1) {
    if (view.lower[k] === 'to') {
      const gov = view.lower[k - 1] ?? '';
      const gov2 = view.lower[k - 2] ?? '';
      if (IRREALIS_GOVERNORS.has(gov) || IRREALIS_GOVERNORS.has(gov2) || gov === 'going' || gov === 'able') return 'hypothetical';
    }
  }
  return undefined;
}

const PERFECT_AUX = new Set(['has', 'have', "'ve"]);
const PAST_AUX = new Set(['was', 'were', 'did', 'had', "didn't", "wasn't", "weren't", "hadn't"]);
const PRESENT_AUX = new Set(['is', 'are', 'am', 'does', 'do', "doesn't", "don't", "isn't", "aren't"]);
const MODAL_AUX = new Set(['will', 'would', 'could', 'may', 'might', 'can', 'should', 'shall', "won't", "'ll"]);

/**
 * Tense of the verb at token `k`: from its auxiliary if it has one, else its own form; an infinitive or gerund
 * takes the tense of the finite verb it depends on ("prompted Trump to raise" -> past).
 */
export function tenseAt(view: SentenceView, k: number, depth = 0): Tense {
  for (let j = k - 1; j >= Math.max(0, k - 3); j -= 1) {
    const w = view.lower[j]!;
    if (PERFECT_AUX.has(w)) return 'perfect';
    if (PAST_AUX.has(w)) return 'past';
    if (PRESENT_AUX.has(w)) return 'present';
    if (MODAL_AUX.has(w)) return 'none';
    const t = view.toks[j]!;
    if (!(t.pos === 'Adverb' || isNegator(w) || w === 'also' || w === 'been')) break;
  }
  const tags = view.toks[k]!.tags;
  // compromise tags bare present forms "Infinitive" too: "officials complain" is finite unless "to" precedes it.
  const bare = tags.includes('Infinitive') && !(tags.includes('PresentTense') && view.lower[k - 1] !== 'to');
  if (tags.includes('Gerund') || bare || view.lower[k - 1] === 'to') {
    if (depth > 1) return 'none';
    for (let j = k - 1; j >= 0; j -= 1) {
      const t = view.toks[j]!;
      if (t.pos === 'Verb' && !t.tags.includes('Gerund') && !t.tags.includes('Infinitive') && !t.tags.includes('Auxiliary')) return tenseAt(view, j, depth + 1);
    }
    return 'none';
  }
  if (tags.includes('PastTense') || tags.includes('Participle')) return 'past';
  if (tags.includes('PresentTense')) return 'present';
  return 'none';
}
