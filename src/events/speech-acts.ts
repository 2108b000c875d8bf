// Events that a speaker performs by what they say rather than by a verb of accusing: demands by modal ("The US
// should stop its wrong practice", Zhang said), judgments ("such unfair treatment", "called the sanctions
// illegitimate") and threats by announcement ("Beijing will take all necessary measures", "Moscow would respond").
import type { EventType } from '../model/types.js';
import type { ActorSpan } from './actors.js';
import { clauseRange, clauseStart, subjectBefore, type SentenceView } from './clauses.js';
import { verbForms } from './lexicon.js';
import { actorAt, complementEnd, objectsAfter, phrase } from './roles.js';

/** Deontic cues of a demand: "X should …", "X must …", "X has a responsibility to …". */
const DEONTIC: ReadonlySet<string> = new Set(['should', 'must', 'ought']);
const DUTY_NOUNS: ReadonlySet<string> = new Set(['responsibility', 'obligation', 'duty']);
/** Words that judge an act or measure as wrong. */
const JUDGMENTS: ReadonlySet<string> = new Set([
  'unfair', 'unjustified', 'unjust', 'unjustifiable', 'discriminatory', 'illegitimate', 'inappropriate', 'illegal',
  'unacceptable', 'unreasonable', 'protectionism', 'protectionist', 'unilateralism', 'bullying', 'hegemony',
  'banditry', 'coercion', 'coercive', 'hypocritical', 'irresponsible',
]);
/** Nouns for what a party did: judging one judges whoever imposed it. */
const MEASURE_NOUNS: ReadonlySet<string> = new Set([
  'decision', 'move', 'measure', 'measures', 'sanctions', 'ban', 'treatment', 'duties', 'tariffs', 'action', 'actions',
  'curbs', 'restrictions', 'controls', 'policy', 'practice', 'practices', 'investigation', 'ruling', 'finding', 'step',
]);
const NEGATORS = /^(not|no|never|n't|without)$|n't$/u;
const FUTURE = new Set(['will', 'would', "'ll", 'shall']);
const TAKE = new Set(verbForms('take', ['took', 'taken']));
const THREAT_OBJECTS = new Set(['measures', 'steps', 'action', 'actions', 'countermeasures', 'counter-measures']);
const VENUE_OBJECTS = new Set(['case', 'dispute', 'matter', 'issue', 'complaint']);
const RESPOND = new Set(['respond', 'retaliate', 'hit']);
const RESERVE = new Set(verbForms('reserve'));

export interface SpeechActContext {
  readonly view: SentenceView;
  readonly text: string;
  /** Speaker ids of the sentence's report (person and organisation), if any, and its token range. */
  readonly speaker?: { readonly ids: readonly string[]; readonly from: number; readonly to: number };
  /** Pronoun -> actor ids ("they" -> the party named last), given who speaks. */
  resolvePronoun(p: string): string[];
  /** Whom a party answers (the source of the last act against it). */
  adversaryOf(source: readonly string[]): string[];
  /** The party that imposed the last measure. */
  readonly lastSanctioner: readonly string[];
  /** Token indices already used by other triggers. */
  readonly used: ReadonlySet<number>;
}

export interface SpeechAct {
  readonly type: EventType;
  readonly source: readonly string[];
  readonly targets: readonly string[];
  readonly charge?: string;
  readonly at: number;
  readonly trigger: string;
  readonly confidence: number;
}

const isPronoun = (w: string): boolean => /^(he|she|it|they|we)$/u.test(w);

/** The subject actors of the clause of token `i`, skipping modifiers ("Hong Kong companies should …"). */
function subjectIds(ctx: SpeechActContext, i: number, exclude: ReadonlySet<string>): string[] {
  const { view } = ctx;
  const subj = subjectBefore(view, i, exclude);
  const ok = (a: ActorSpan): boolean => {
    const next = view.toks[a.last];
    // An actor before a lower-case noun modifies it ("Hong Kong companies"): not the subject.
    return !(next && /^\p{Ll}/u.test(next.text) && next.pos === 'Noun' && !next.tags.includes('Possessive'));
  };
  const actors = subj.actors.filter(ok);
  if (actors.length > 0) return actors.map((a) => a.entity);
  if (subj.actors.length > 0) {
    const a = subj.actors.at(-1)!;
    if (a.demonym) return [a.entity]; // "Chinese carmakers … must" -> China
    return [];
  }
  if (subj.pronoun && subj.pronoun !== 'we') {
    // "Chinese carmakers are welcome, but they must …": the party named before the pronoun in this sentence.
    const k = view.lower.lastIndexOf(subj.pronoun, i);
    const before = view.actors.filter((a) => a.last <= k && !exclude.has(a.entity));
    if (before.length > 0) return [before[0]!.entity];
    return ctx.resolvePronoun(subj.pronoun).filter((id) => !exclude.has(id));
  }
  return [];
}

/**
 * "The US should stop its wrong practice immediately," Zhang said -> DEMAND Zhang -> US "stop its wrong practice
 * immediately"; "India has a responsibility to protect …" likewise. Only in reported speech.
 */
export function findModalDemands(ctx: SpeechActContext): SpeechAct[] {
  const { view, speaker } = ctx;
  if (!speaker) return [];
  const out: SpeechAct[] = [];
  const exclude = new Set(speaker.ids);
  for (let i = speaker.from; i < Math.min(speaker.to, view.toks.length); i += 1) {
    const w = view.lower[i]!;
    let from = -1;
    if (DEONTIC.has(w)) from = i + 1 + (view.lower[i + 1] === 'to' ? 1 : 0);
    else if (DUTY_NOUNS.has(w) && /^(has|have|had)$/u.test(view.lower[i - 2] ?? '') && view.lower[i + 1] === 'to') from = i + 2;
    if (from < 0 || ctx.used.has(i)) continue;
    // "should not be punished": a passive wish has no addressee to name.
    if (view.lower[from] === 'be' || (NEGATORS.test(view.lower[from] ?? '') && view.lower[from + 1] === 'be')) continue;
    const anchor = DUTY_NOUNS.has(w) ? i - 2 : i;
    const targets = subjectIds(ctx, anchor, exclude);
    if (targets.length === 0) continue;
    while (view.toks[from] && (view.toks[from]!.pos === 'Adverb' || /^[“”"]$/u.test(view.toks[from]!.text))) from += 1;
    const end = complementEnd(view, from, view.toks.length);
    const charge = phrase(view, ctx.text, from, end);
    out.push({ type: 'DEMAND', source: speaker.ids, targets, ...(charge ? { charge } : {}), at: i, trigger: view.toks[i]!.text, confidence: 0.65 });
  }
  return out;
}

/**
 * Judgments: "such unfair treatment" (said CloudWalk), "called the sanctions illegitimate", "the protectionism of the
 * US side" -> CRITICIZE by the speaker (or the subject of "call") against the party named in the judged phrase, else
 * whoever imposed the judged measure, else the speaker's adversary.
 */
export function findJudgments(ctx: SpeechActContext): SpeechAct[] {
  const { view } = ctx;
  const out: SpeechAct[] = [];
  for (let i = 0; i < view.toks.length; i += 1) {
    const w = view.lower[i]!;
    if (!JUDGMENTS.has(w) || ctx.used.has(i) || actorAt(view, i)) continue;
    if (NEGATORS.test(view.lower[i - 1] ?? '') || NEGATORS.test(view.lower[i - 2] ?? '')) continue; // "no unfair subsidies"
    let source: string[] = [];
    const inReport = ctx.speaker !== undefined && i >= ctx.speaker.from && i < ctx.speaker.to;
    if (inReport) source = [...ctx.speaker!.ids];
    else {
      // "X called the sanctions “illegitimate”", "X criticized the tax as unfair"
      const [cFrom] = clauseRange(view, view.clause[i]!);
      const verb = view.lower.slice(cFrom, i).findIndex((x) => /^(call|calls|called|calling|described|describes|branded|labelled|labeled|termed)$/u.test(x));
      if (verb < 0) continue;
      source = subjectIds(ctx, cFrom + verb, new Set());
    }
    if (source.length === 0) continue;
    const self = new Set(source);
    const [cFrom, cTo] = clauseRange(view, view.clause[i]!);
    const start = Math.max(cFrom, clauseStart(view, i));
    // The party named in the judged phrase: "protectionism of the US side", "inappropriate cases in South Korean controls".
    let targets = objectsAfter(view, i + 1, cTo).filter((a) => !self.has(a.entity)).map((a) => a.entity);
    if (targets.length === 0) {
      const after = view.actors.filter((a) => a.first > i && a.first <= i + 6 && a.last <= cTo && !self.has(a.entity));
      targets = after.slice(0, 1).map((a) => a.entity);
    }
    const window = view.lower.slice(start, Math.min(cTo, i + 4));
    if (targets.length === 0 && window.some((x) => MEASURE_NOUNS.has(x))) targets = ctx.lastSanctioner.filter((id) => !self.has(id));
    if (targets.length === 0) targets = ctx.adversaryOf(source);
    if (targets.length === 0) continue;
    const charge = phrase(view, ctx.text, Math.max(start, i - 3), Math.min(cTo, complementEnd(view, i + 1, cTo)));
    out.push({ type: 'CRITICIZE', source, targets, ...(charge ? { charge } : {}), at: i, trigger: view.toks[i]!.text, confidence: 0.6 });
  }
  return out;
}

/**
 * Threats by announcement: "Beijing will take all necessary measures", "Moscow would respond", "reserved the right
 * to take the matter to the WTO", "would take the case to the WTO if Japan went ahead" -> THREATEN by the subject
 * (and the speaker) against the party in the condition or an "against" phrase, else the subject's adversary.
 */
export function findThreatPhrases(ctx: SpeechActContext): SpeechAct[] {
  const { view } = ctx;
  const out: SpeechAct[] = [];
  for (let i = 0; i < view.toks.length; i += 1) {
    const w = view.lower[i]!;
    if (ctx.used.has(i)) continue;
    let hit = false;
    if (RESERVE.has(w) && view.lower[i + 1] === 'the' && view.lower[i + 2] === 'right') hit = true;
    else if (TAKE.has(w) || RESPOND.has(w) || w === 'ask' || w === 'file') {
      const [cFrom] = clauseRange(view, view.clause[i]!);
      const before = view.lower.slice(Math.max(cFrom, i - 4), i);
      if (!before.some((x) => FUTURE.has(x)) || before.some((x) => NEGATORS.test(x)) || view.lower[cFrom] === 'whether') continue;
      const next = view.lower.slice(i + 1, i + 5);
      if (TAKE.has(w)) hit = next.some((x) => THREAT_OBJECTS.has(x)) || (next.some((x) => VENUE_OBJECTS.has(x)) && next.includes('to'));
      else if (w === 'respond') hit = true;
      else if (w === 'retaliate' || w === 'hit') hit = false; // RETALIATE's own trigger
      else if (w === 'ask') hit = view.actors.some((a) => a.first === i + 1 || a.first === i + 2) && next.includes('to');
      else if (w === 'file') hit = next.some((x) => VENUE_OBJECTS.has(x));
    }
    if (!hit) continue;
    const subject = subjectIds(ctx, i, new Set());
    const speakerIds = ctx.speaker && i >= ctx.speaker.from && i < ctx.speaker.to ? ctx.speaker.ids : [];
    let source = [...new Set([...speakerIds, ...subject])];
    if (source.length === 0) continue;
    const self = new Set(source);
    // "if Japan went ahead", "if talks with Beijing failed", "against the EU"
    let targets: string[] = [];
    const cond = view.lower.findIndex((x, k) => k > i && (x === 'if' || x === 'unless' || x === 'against'));
    if (cond >= 0) targets = view.actors.filter((a) => a.first > cond && !self.has(a.entity) && !a.possessive).slice(0, 1).map((a) => a.entity);
    if (targets.length === 0) {
      // "would respond … to any US tariffs"
      const to = view.lower.indexOf('to', i + 1);
      if (w === 'respond' && to >= 0) targets = view.actors.filter((a) => a.first > to && a.first <= to + 4 && !self.has(a.entity)).slice(0, 1).map((a) => a.entity);
    }
    if (targets.length === 0) targets = ctx.adversaryOf(source);
    if (targets.length === 0) continue;
    source = source.filter((id) => !targets.includes(id));
    const end = complementEnd(view, i + 1, view.toks.length);
    const charge = phrase(view, ctx.text, i, end);
    out.push({ type: 'THREATEN', source, targets, ...(charge ? { charge } : {}), at: i, trigger: view.toks[i]!.text, confidence: 0.6 });
  }
  return out;
}
