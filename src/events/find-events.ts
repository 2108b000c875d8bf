// Finds the events of conflict news sentence by sentence: triggers, their source, targets, charge, quote, modality.
// "The foreign ministry accused the Trump administration of interfering in China’s affairs"
//   -> ACCUSE source [foreign ministry] targets [Trump administration] charge "interfering in China’s affairs"
import { firstTokenAtOrAfter } from '../actors/tokens.js';
import type { Doc, Entity, EventType } from '../model/types.js';
import { actorsIn, type ActorSpan } from './actors.js';
import { clauseRange, clauseStart, findAttribution, subjectBefore, viewSentence, type Attribution, type SentenceView } from './clauses.js';
import { LIGHT_VERBS, lookupTrigger, MULTIWORD_NOMINALS, verbForms, type TriggerEntry } from './lexicon.js';
import { modalityAt, tenseAt, type Modality, type Tense } from './modality.js';
import { findJudgments, findModalDemands, findThreatPhrases, type SpeechActContext } from './speech-acts.js';
import { actorAt, complementEnd, indexOfWord, measureTargets, objectsAfter, phrase, quotedIn } from './roles.js';

/** An event before dating and ids: what the sentence says, plus what dating needs to know. */
export interface FoundEvent {
  readonly type: EventType;
  readonly source: readonly string[];
  readonly targets: readonly string[];
  readonly charge?: string;
  readonly quote?: string;
  readonly trigger: string;
  readonly triggerStart: number;
  readonly confidence: number;
  readonly sentence: number;
  readonly modality?: Modality;
  /** Tense of the verb that reports or performs the event. */
  readonly tense: Tense;
  /** A measure named only by a participle modifier ("curbs imposed on X"): used for roles, never emitted. */
  readonly descriptive?: boolean;
  /** Modality comes from "will"/"would" alone (no condition): an announcement when the speaker is the actor. */
  readonly announced?: boolean;
  /** Character ranges of the clauses whose DATE expressions date the event (the trigger's, the report verb's). */
  readonly clauses: readonly { start: number; end: number }[];
  /** The clause places the act at an unstated earlier time ("curbs imposed earlier"): no date. */
  readonly undated?: boolean;
}

/** A measure's description is its noun phrase and the first few words after it, not the rest of the clause. */
const MAX_MEASURE_WORDS = 12;
const PASSIVE_AUX: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s"]);
const LIGHT_FORMS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries(LIGHT_VERBS).map(([type, lemmas]) => [type, new Set(lemmas.flatMap((l) => verbForms(l, l === 'put' ? [] : l === 'strike' ? ['struck'] : [])))]),
);
/** Light verbs whose direct object is the party hit ("added X to the entity list", "hit X with tariffs"). */
/** Adverbs that put an act at an unstated earlier time. */
const VAGUE_PAST: ReadonlySet<string> = new Set(['earlier', 'previously', 'formerly']);
/** Acts that a REJECT answers. */
const CHARGING: ReadonlySet<EventType> = new Set(['ACCUSE', 'CRITICIZE', 'SANCTION', 'DEMAND']);
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['them', 'it', 'him', 'her']);
const RELATIVES: ReadonlySet<string> = new Set(['which', 'who', 'whom', 'that']);
const OBJECT_TARGET_VERBS: ReadonlySet<string> = new Set(['add', 'hit', 'slap', 'put', 'place'].flatMap((l) => verbForms(l)));

/** For each token of the document: whether it lies inside a date expression (one pass over the dates). */
function datedTokens(doc: Doc): boolean[] {
  const out = doc.tokens.map(() => false);
  for (const d of doc.dates) {
    for (let i = firstTokenAtOrAfter(doc.tokens, d.start); i < doc.tokens.length && doc.tokens[i]!.start <= d.end; i += 1) {
      if (doc.tokens[i]!.end <= d.end) out[i] = true;
    }
  }
  return out;
}

interface Speaker {
  readonly attribution: Attribution;
  readonly ids: readonly string[];
  readonly tense: Tense;
  readonly clause: { start: number; end: number };
}

/**
 * All events of a document, in text order, factual and not (see `modality`).
 * @example findEvents(doc).filter((e) => e.type === 'ACCUSE')
 */
export function findEvents(doc: Doc): FoundEvent[] {
  const text = doc.article.text;
  const byId = new Map<string, Entity>(doc.entities.map((e) => [e.id, e]));
  const affiliation = new Map<string, Set<string>>();
  const out: FoundEvent[] = [];
  let openQuote = false;
  let previous: Speaker | undefined;
  let lastPerson: string[] = [];
  let lastOther: string[] = [];
  let lastSanctioner: string[] = [];
  let recent: string[] = [];

  const classOf = (id: string): string | undefined => byId.get(id)?.class;
  const resolvePronoun = (p: string | undefined, speaker?: Speaker): string[] => {
    if (!p) return [];
    if (p === 'we') return speaker ? orgsOf(speaker.ids) : lastOther;
    // "OFAC said it had blocked …", "the company said they would appeal": the speaking organisation.
    if ((p === 'it' || p === 'they') && speaker) {
      const orgs = speaker.ids.filter((id) => classOf(id) !== 'PER');
      if (orgs.length > 0) return orgs.slice(0, 1);
    }
    if (p === 'he' || p === 'she') return lastPerson;
    return lastOther;
  };
  const orgsOf = (ids: readonly string[]): string[] => {
    const orgs = ids.filter((id) => classOf(id) !== 'PER');
    return orgs.length > 0 ? orgs : [...ids];
  };

  /** An actor with the groups it belongs to and the organisations and country it speaks for. */
  const selfOf = (ids: readonly string[]): Set<string> => {
    const self = new Set(ids);
    for (const id of ids) {
      for (const r of byId.get(id)?.relations ?? []) if (r.type === 'SPOKESPERSON_FOR' || r.type === 'AFFILIATED_WITH') self.add(r.entity);
      for (const e of doc.entities) if (e.group && e.members?.includes(id)) self.add(e.id);
    }
    return self;
  };
  /** The country an organisation belongs to: a charge by the Commerce Department is also one by the United States. */
  const countryOf = (id: string): string[] => {
    const e = byId.get(id);
    if (!e || e.class !== 'ORG' || e.subtype === 'company') return [];
    return (e.relations ?? []).filter((r) => r.type === 'AFFILIATED_WITH' && byId.get(r.entity)?.class === 'LOC').map((r) => r.entity);
  };

  /**
   * Whom a party answers: the source of the last act against it (or a group it belongs to, or its country), else
   * the last accuser or sanctioner; with the acting organisation's country.
   */
  const adversaryOf = (source: readonly string[], before: readonly FoundEvent[]): string[] => {
    const self = selfOf(source);
    const prior = before.filter((p) => !p.modality && !p.descriptive && p.source.length > 0 && !p.source.some((id) => self.has(id))).reverse();
    // A party (organisation or country) rather than a person whose affiliation the article leaves unsaid.
    const isParty = (p: FoundEvent): boolean => partyOf(p.source).some((id) => classOf(id) !== 'PER');
    const against = prior.filter((p) => CHARGING.has(p.type) && p.targets.some((id) => self.has(id)));
    const hit = against.find(isParty) ?? against[0] ?? prior.find((p) => (p.type === 'ACCUSE' || p.type === 'SANCTION') && isParty(p)) ?? prior.find((p) => p.type === 'ACCUSE' || p.type === 'SANCTION');
    return hit ? partyOf(hit.source).filter((id) => !self.has(id)) : [];
  };
  /** The parties behind a source: organisations and countries rather than their spokespeople. */
  const partyOf = (source: readonly string[]): string[] => {
    const orgs = source.filter((id) => classOf(id) !== 'PER');
    const viaPeople = source
      .filter((id) => classOf(id) === 'PER')
      .flatMap((id) => (byId.get(id)?.relations ?? []).filter((r) => r.type === 'SPOKESPERSON_FOR' || r.type === 'AFFILIATED_WITH').map((r) => r.entity));
    const parties = unique([...orgs, ...viaPeople]);
    return parties.length > 0 ? unique([...parties, ...parties.flatMap(countryOf)]) : [...source];
  };

  const inDate = datedTokens(doc);
  doc.sentences.forEach((sentence, si) => {
    const toks = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
    const actors = actorsIn(doc, si);
    const dated = toks.map((_, k) => inDate[sentence.tokenStart + k]!);
    const view: SentenceView = { ...viewSentence(si, toks, actors, openQuote), dated };
    const attr = findAttribution(view);
    let speaker: Speaker | undefined;
    if (attr) {
      const ids = unique([...attr.speakers.map((a) => a.entity), ...resolvePronoun(attr.pronoun === 'we' ? 'they' : attr.pronoun)]);
      const withOrgs = unique([...ids, ...ids.flatMap((id) => [...(affiliation.get(id) ?? [])])]);
      const persons = ids.filter((id) => classOf(id) === 'PER');
      const orgs = ids.filter((id) => classOf(id) === 'ORG');
      for (const p of persons) for (const o of orgs) affiliation.set(p, new Set([...(affiliation.get(p) ?? []), o]));
      if (withOrgs.length > 0) {
        speaker = {
          attribution: attr,
          ids: withOrgs,
          tense: attr.verb >= 0 ? tenseAt(view, attr.verb) : 'present',
          clause: attr.verb >= 0 ? charRange(view, ...clauseRange(view, view.clause[attr.verb]!)) : { start: sentence.start, end: sentence.end },
        };
      }
    } else if (previous && (openQuote || view.quoted[0])) {
      // A quotation that runs on from the previous sentence keeps its speaker.
      speaker = { ...previous, attribution: { ...previous.attribution, verb: -1, from: 0, to: toks.length, inherited: true } };
    }
    const inReport = (i: number): boolean => speaker !== undefined && i >= speaker.attribution.from && i < speaker.attribution.to;
    const found: FoundEvent[] = [];
    const chargeRanges: [number, number, EventType][] = [];
    const used = new Set<number>();

    const emit = (e: Omit<FoundEvent, 'sentence' | 'clauses'> & { at: number; anchor?: number }): void => {
      const { at, anchor, ...rest } = e;
      const clauses = [charRange(view, ...clauseRange(view, view.clause[at]!))];
      if (anchor !== undefined && anchor >= 0) clauses.push(charRange(view, ...clauseRange(view, view.clause[anchor]!)));
      else if (speaker && inReport(at)) clauses.push(speaker.clause);
      const source = unique(rest.source);
      const targets = unique(rest.targets).filter((t) => !source.includes(t));
      if (source.length === 0 && targets.length === 0) return;
      const [cFrom, cTo] = clauseRange(view, view.clause[at]!);
      const undated = view.lower.slice(cFrom, cTo).some((w) => VAGUE_PAST.has(w));
      found.push({ ...rest, source, targets, sentence: si, clauses, ...(undated ? { undated } : {}) });
    };

    // Pass 1: act verbs and nominal triggers.
    for (let i = 0; i < toks.length; i += 1) {
      const inActor = actorAt(view, i);
      // Named lists ("the Entity List") are MISC names and triggers at once.
      if (used.has(i) || (inActor && classOf(inActor.entity) !== 'MISC')) continue;
      if (attr && i === attr.verb) continue;
      const entries = lookupTrigger(view.lower[i]!);
      const multi = MULTIWORD_NOMINALS.find((m) => m.words.every((w, k) => view.lower[i + k] === w));
      const tok = toks[i]!;
      const afterAux = /^(will|would|could|may|might|can|should|shall|to|did|does|do|not|n't|never)$/u.test(view.lower[i - 1] ?? '') || /n't$/u.test(view.lower[i - 1] ?? '');
    const isVerb = (tok.pos === 'Verb' && !tok.tags.includes('Noun')) || (afterAux && entries.some((e) => e.kind === 'act'));
      // "in protests", "the ban": after a preposition or determiner the word is a noun, whatever the tagger says.
      const afterNounCue = /^(in|of|for|the|a|an|its|their|his|her|these|those|this|amid|after|over)$/u.test(view.lower[i - 1] ?? '');
      const act = afterNounCue ? undefined : entries.find((e) => e.kind === 'act' && (isVerb || !entries.some((x) => x.kind === 'nominal')));
      if (act && (isVerb || (tok.pos !== 'Noun' && !entries.some((e) => e.kind === 'nominal')))) {
        const particleEnd = matchParticle(view, i, act);
        if (particleEnd < 0) continue;
        for (let k = i; k < particleEnd; k += 1) used.add(k);
        const ev = readAct(view, text, i, particleEnd, act, speaker, inReport(i), { resolvePronoun, lastSanctioner, ...(previous ? { previous } : {}), recent, sentenceEvents: found });
        if (ev) {
          for (const e of ev.events) emit(e);
          if (ev.chargeRange) chargeRanges.push(ev.chargeRange);
        }
        continue;
      }
      const nominal = multi ? { types: multi.types, len: multi.words.length } : entries.find((e) => e.kind === 'nominal') ? { types: entries.find((e) => e.kind === 'nominal')!.types, len: 1 } : undefined;
      if (nominal) {
        for (let k = i; k < i + nominal.len; k += 1) used.add(k);
        const ev = readNominal(view, text, i, i + nominal.len, nominal.types[0]!, speaker, { resolvePronoun, lastSanctioner, ...(previous ? { previous } : {}), recent, sentenceEvents: found }, used);
        // "accused X of interfering … by adding eight companies to an export blacklist": part of the charge.
        const inCharge = ev && chargeRanges.some(([a, b, t]) => {
          // The charge's means ("by adding …") belongs to it.
          const end = view.lower[b] === 'by' && toks[b + 1]?.tags.includes('Gerund') ? complementEnd(view, b + 2) : b;
          return (t === 'ACCUSE' || t === 'CRITICIZE') && (ev.anchor ?? ev.at) >= a && (ev.anchor ?? ev.at) < end;
        });
        if (ev && !inCharge) {
          emit(ev);
          if (ev.type === 'SANCTION' && !ev.modality) lastSanctioner = [...ev.source];
        }
      }
    }

    // Pass 2: misconduct predicates inside reported speech ("the decision violated basic norms, said Zhao").
    if (speaker) {
      for (let i = speaker.attribution.from; i < Math.min(speaker.attribution.to, toks.length); i += 1) {
        if (used.has(i) || actorAt(view, i)) continue;
        const entry = lookupTrigger(view.lower[i]!).find((e) => e.kind === 'charge');
        if (!entry) continue;
        const inside = chargeRanges.find(([a, b]) => i >= a && i < b);
        if (inside && inside[2] !== 'DEMAND') continue;
        const exclude = new Set(speaker.ids);
        const subject = subjectBefore(view, i, exclude);
        let targets = subject.actors.map((a) => a.entity);
        if (targets.length === 0 && subject.pronoun && subject.pronoun !== 'we') targets = resolvePronoun(subject.pronoun);
        targets = targets.filter((t) => !speaker!.ids.includes(t));
        if (targets.length === 0) continue;
        const from = toks[i]!.tags.includes('Gerund') ? i : Math.max(predicateStart(view, i, subject.actors), Math.min(i, speaker.attribution.from));
        const end = complementEnd(view, i + 1, speaker.attribution.to, false);
        const charge = phrase(view, text, from, end);
        const modality = modalityAt(view, i, from, true);
        for (const type of entry.types) {
          emit({
            type,
            source: speaker.ids,
            targets,
            ...(charge ? { charge } : {}),
            ...quoteOf(view, text, from, end),
            trigger: toks[i]!.text,
            triggerStart: toks[i]!.start,
            confidence: speaker.attribution.inherited ? 0.6 : 0.75,
            ...(modality ? { modality } : {}),
            tense: speaker.tense,
            at: i,
          });
        }
      }
    }

    // Pass 3: demands by modal, judgments, threats by announcement.
    const actCtx: SpeechActContext = {
      view,
      text,
      ...(speaker ? { speaker: { ids: speaker.ids, from: speaker.attribution.from, to: speaker.attribution.to } } : {}),
      resolvePronoun: (p) => resolvePronoun(p),
      adversaryOf: (source) => adversaryOf(source, [...out, ...found]),
      lastSanctioner: partyOf(lastSanctioner),
      used,
    };
    for (const act of [...findModalDemands(actCtx), ...findJudgments(actCtx), ...findThreatPhrases(actCtx)]) {
      const dup = found.some((f) => f.type === act.type && f.targets.some((t) => act.targets.includes(t)) && f.source.some((x) => act.source.includes(x)) && !f.modality);
      if (dup) continue;
      const reportedAct = speaker !== undefined && inReport(act.at);
      emit({
        type: act.type,
        source: act.source,
        targets: act.targets,
        ...(act.charge ? { charge: act.charge } : {}),
        ...quoteOf(view, text, act.at, Math.min(toks.length, act.at + 12)),
        trigger: act.trigger,
        triggerStart: toks[act.at]!.start,
        confidence: act.confidence,
        tense: reportedAct ? speaker!.tense : tenseAt(view, act.at),
        at: act.at,
      });
    }

    // "Beijing criticized curbs imposed on Huawei": criticising a measure is criticising whoever imposed it.
    for (const [k, f] of found.entries()) {
      if ((f.type !== 'CRITICIZE' && f.type !== 'REJECT') || f.targets.length > 0) continue;
      const measure = found.find((m) => m.type === 'SANCTION' && m.triggerStart > f.triggerStart && m.source.length > 0);
      if (measure) found[k] = { ...f, targets: measure.source.filter((id) => !f.source.includes(id)) };
    }
    // "Tianrui rejected the accusation", "Shenhai denied that it had dumped pipes": against whoever last accused,
    // criticised or sanctioned the rejecting party (or a group it belongs to, or its country), else the last accuser.
    // "China's Ministry of Commerce said it strongly opposes the decision": the same for criticism of a measure.
    for (const [k, f] of found.entries()) {
      if ((f.type !== 'REJECT' && f.type !== 'CRITICIZE') || f.targets.length > 0 || f.source.length === 0) continue;
      const targets = adversaryOf(f.source, [...out, ...found.slice(0, k)]);
      if (targets.length > 0) found[k] = { ...f, targets };
    }
    // "whether it will retaliate": against whoever imposed the measure in question.
    for (const [k, f] of found.entries()) {
      if (f.type === 'RETALIATE' && f.targets.length === 0) found[k] = { ...f, targets: lastSanctioner.filter((id) => !f.source.includes(id)) };
    }
    // "X said it would impose duties": announcing one's own measure is the act itself.
    if (speaker) {
      for (const [k, f] of found.entries()) {
        if ((f.modality === 'future' || f.modality === 'hypothetical') && f.announced && f.source.some((id) => speaker!.ids.includes(id))) {
          const { modality: _m, ...rest } = f;
          found[k] = { ...rest, tense: speaker.tense };
        }
      }
    }
    // Descriptive measures ("the measures announced Friday") stay for dating their source's other acts.
    out.push(...[...found].sort((a, b) => a.triggerStart - b.triggerStart));
    // Discourse state for the next sentence.
    const subjects = found.filter((f) => !f.modality).flatMap((f) => f.source);
    const firstSubject = actors.find((a) => !a.possessive && !a.demonym);
    const pool = subjects.length > 0 ? subjects : firstSubject ? [firstSubject.entity] : [];
    const persons = pool.filter((id) => classOf(id) === 'PER');
    const others = pool.filter((id) => classOf(id) !== 'PER');
    if (persons.length > 0) lastPerson = persons;
    if (others.length > 0) lastOther = [others[0]!];
    if (speaker && !speaker.attribution.inherited) previous = speaker;
    else if (!speaker) previous = undefined;
    openQuote = view.openAtEnd;
    const locs = [...actors].reverse().map((a) => a.entity).filter((id) => classOf(id) === 'LOC');
    recent = unique([...locs, ...recent]);
  });
  return out;
}

interface Discourse {
  resolvePronoun(p: string | undefined, speaker?: Speaker): string[];
  lastSanctioner: readonly string[];
  /** The speaker of the previous sentence, if it had one. */
  previous?: Speaker;
  /** Countries and other non-person actors, most recent first. */
  recent: readonly string[];
  /** Events found so far in the current sentence. */
  sentenceEvents: readonly FoundEvent[];
}

type Emitted = Omit<FoundEvent, 'sentence' | 'clauses'> & { at: number; anchor?: number };

/** End index after the trigger and its particle ("call on"), or -1 when a required particle is missing. */
function matchParticle(view: SentenceView, i: number, entry: TriggerEntry): number {
  if (!entry.particle) return i + 1;
  const next = view.lower[i + 1] ?? '';
  return entry.particle.includes(next) ? i + 2 : -1;
}

function readAct(
  view: SentenceView,
  text: string,
  i: number,
  after: number,
  entry: TriggerEntry,
  speaker: Speaker | undefined,
  reported: boolean,
  discourse: Discourse,
): { events: Emitted[]; chargeRange?: [number, number, EventType] } | undefined {
  const type = entry.types[0]!;
  const tok = view.toks[i]!;
  const [, clauseEnd] = clauseRange(view, view.clause[i]!);
  let k = i - 1;
  while (k >= 0 && (view.toks[k]!.pos === 'Adverb' || view.lower[k] === 'also')) k -= 1;
  const passiveAux = k >= 0 && PASSIVE_AUX.has(view.lower[k]!) && /(ed|en)$/u.test(view.lower[i]!);
  const participle = /(ed|en)$/u.test(view.lower[i]!);
  const prevTok = view.toks[i - 1];
  const reducedRelative =
    !passiveAux && participle && prevTok !== undefined && (prevTok.pos === 'Noun' || prevTok.pos === 'ProperNoun' || actorAt(view, i - 1) !== undefined) &&
    ['of', 'by', 'on', 'for', 'in', 'with', 'as'].includes(view.lower[after] ?? '') && type !== 'AGREE';
  if (reducedRelative) return undefined; // "eight companies accused of …": a description, not a new report

  let source: string[];
  let targets: string[];
  let confidence = 0.85;
  let objEnd = after;
  if (passiveAux) {
    const subj = subjectBefore(view, k);
    targets = subj.actors.map((a) => a.entity);
    if (targets.length === 0) targets = discourse.resolvePronoun(subj.pronoun, reported ? speaker : undefined);
    const by = indexOfWord(view, ['by'], after, clauseEnd);
    const agents = by >= 0 ? objectsAfter(view, by + 1, clauseEnd) : [];
    if (agents.length > 0) source = agents.map((a) => a.entity);
    else if (speaker) {
      source = [...speaker.ids];
      confidence = speaker.attribution.inherited || !reported ? 0.6 : 0.75;
    } else if (discourse.previous) {
      // "The rest are accused of …" right after "…, the Commerce Department said": the same speaker goes on.
      source = [...discourse.previous.ids];
      confidence = 0.6;
    } else source = [];
  } else {
    // ", accusing them of …", ", retaliating against …": a participle adjunct shares the main act's subject.
    const main = view.lower[i - 1] === ',' && tok.tags.includes('Gerund') ? discourse.sentenceEvents.filter((e) => (!e.modality || e.announced) && !e.descriptive).at(-1) : undefined;
    const subj = main ? { actors: [] } : subjectBefore(view, i);
    source = main ? [...main.source] : subj.actors.map((a) => a.entity);
    if (source.length === 0 && subj.pronoun) source = discourse.resolvePronoun(subj.pronoun, reported ? speaker : undefined);
    if (source.length === 0 && reported && speaker) source = [...speaker.ids];
    if (subj.pronoun === 'we' && speaker) confidence = 0.75;
    const objs = type === 'SANCTION' ? measureTargets(view, after, clauseEnd, true) : objectsAfter(view, after, clauseEnd);
    targets = objs.map((a) => a.entity);
    objEnd = objs.length > 0 ? objs.at(-1)!.last : after;
    if (targets.length === 0 && OBJECT_PRONOUNS.has(view.lower[after] ?? '')) {
      // "accusing them of …": the main act's targets; otherwise the party last named.
      targets = main ? [...main.targets] : discourse.resolvePronoun(view.lower[after] === 'them' ? 'they' : 'it');
      objEnd = after + 1;
    }
    // "Kaluga Group, which it accused of …": the relative pronoun's antecedent is the object.
    const opener = clauseStart(view, i);
    if (targets.length === 0 && RELATIVES.has(view.lower[opener] ?? '') && opener < i - 1) {
      let a = opener - 1;
      if (view.lower[a] === ',') a -= 1;
      const antecedent = view.actors.find((x) => x.last === a + 1 && !x.demonym);
      if (antecedent && !source.includes(antecedent.entity)) targets = [antecedent.entity];
    }
    if (targets.length === 0 && (type === 'THREATEN' || type === 'RETALIATE' || type === 'AGREE')) {
      targets = measureTargets(view, after, clauseEnd, false).map((a) => a.entity);
      if (targets.length === 0 && (type === 'THREATEN')) {
        // "threatened to back out if China fails …": the party the condition names.
        const cond = indexOfWord(view, ['if', 'unless'], after, view.toks.length);
        if (cond >= 0) targets = objectsAfter(view, cond + 1).map((a) => a.entity).slice(0, 1);
      }
    }
    if (type === 'AGREE') {
      const withAt = indexOfWord(view, ['with'], after, clauseEnd);
      if (withAt >= 0) targets = objectsAfter(view, withAt + 1, clauseEnd).map((a) => a.entity);
    }
  }
  if (source.length === 0 && targets.length === 0) return undefined;

  // Charge: "of …"/"for …" for accusations, "to …"/"that …" for demands and threats, the object otherwise.
  let charge: string | undefined;
  let chargeRange: [number, number, EventType] | undefined;
  const chargeFrom = (from: number): void => {
    const end = complementEnd(view, from, view.toks.length, false);
    charge = phrase(view, text, from, end);
    chargeRange = [from, end, type];
  };
  if (type === 'ACCUSE' || type === 'CRITICIZE') {
    const of = indexOfWord(view, type === 'ACCUSE' ? ['of', 'with', 'for'] : ['for', 'over'], objEnd, Math.min(clauseEnd + 1, objEnd + 3));
    if (of >= 0) chargeFrom(of + 1);
  } else if (type === 'DEMAND' || type === 'THREATEN') {
    const to = indexOfWord(view, ['to', 'that'], objEnd, view.toks.length);
    if (to >= 0 && to <= objEnd + 3) {
      let from = to + 1;
      if (view.lower[to] === 'that') {
        const subj = view.actors.find((a) => a.first === from || (a.first === from + 1 && view.lower[from] === 'the'));
        if (subj) {
          from = subj.last;
          if (targets.length === 0) targets = [subj.entity];
        }
      }
      while (view.toks[from] && view.toks[from]!.pos === 'Adverb') from += 1;
      const end = complementEnd(view, from, view.toks.length);
      charge = phrase(view, text, from, end);
      chargeRange = [from, end, type];
    }
  } else if (type === 'REJECT') {
    chargeFrom(objEnd);
  }
  if (!charge && type === 'CRITICIZE' && targets.length === 0) chargeFrom(after);
  const modality = modalityAt(view, i, 0, false);
  const announced = isAnnouncement(view, i);
  // "threaten the security of …" is a risk, not a threat made: a threat needs "to …", "that …", "with …" or a party.
  if (type === 'THREATEN' && targets.length === 0 && !['to', 'that', 'with', 'of', 'retaliation', 'countermeasures'].includes(view.lower[after] ?? '')) return undefined;
  const quote = quoteOf(view, text, i, chargeRange ? chargeRange[1] : clauseEnd);
  return {
    events: [
      {
        type,
        source,
        targets,
        ...(charge ? { charge } : {}),
        ...quote,
        trigger: text.slice(tok.start, view.toks[after - 1]!.end),
        triggerStart: tok.start,
        confidence: source.length > 0 && targets.length > 0 ? confidence : confidence - 0.25,
        ...(modality ? { modality } : {}),
        ...(announced ? { announced } : {}),
        tense: passiveAux && speaker ? speaker.tense : passiveAux && discourse.previous && source.length > 0 ? discourse.previous.tense : reported && speaker && view.quoted[i] ? speaker.tense : tenseAt(view, i),
        at: i,
        ...(passiveAux && speaker && speaker.attribution.verb >= 0 ? { anchor: speaker.attribution.verb } : {}),
      },
    ],
    ...(chargeRange ? { chargeRange } : {}),
  };
}

function readNominal(
  view: SentenceView,
  text: string,
  i: number,
  after: number,
  type: EventType,
  speaker: Speaker | undefined,
  discourse: Discourse,
  used: Set<number>,
): Emitted | undefined {
  const forms = LIGHT_FORMS[type];
  if (!forms) return undefined;
  const start = clauseStart(view, i);
  const [, clauseEnd] = clauseRange(view, view.clause[i]!);
  // Governing verb: before the noun in its clause ("imposed controls"), or a participle right after it ("sanctions imposed").
  let verb = -1;
  for (let k = i - 1; k >= Math.max(start, i - 8); k -= 1) {
    if (forms.has(view.lower[k]!) && view.toks[k]!.pos === 'Verb') {
      verb = k;
      break;
    }
  }
  // "added five companies, including X and Y, to a trade blacklist": "add … to" spans a long object.
  const np = backToDeterminer(view, i, start);
  if (verb < 0 && view.lower[np - 1] === 'to') {
    for (let k = np - 2; k >= Math.max(start, np - 30); k -= 1) {
      if (OBJECT_TARGET_VERBS.has(view.lower[k]!) && view.toks[k]!.pos === 'Verb') {
        verb = k;
        break;
      }
    }
  }
  // A bare "list" is a measure only as the goal of "add … to the list".
  if (/^lists?$/u.test(view.lower[i]!) && (verb < 0 || !OBJECT_TARGET_VERBS.has(view.lower[verb]!))) return undefined;
  let postVerb = false;
  if (verb < 0) {
    let k = after;
    while (k < clauseEnd && view.toks[k]!.pos === 'Adverb') k += 1;
    if (forms.has(view.lower[k] ?? '') && /(ed|en)$/u.test(view.lower[k]!)) {
      verb = k;
      postVerb = true;
    }
  }
  if (verb < 0 || used.has(verb + 1000)) return undefined;
  used.add(verb + 1000); // one event per governing verb ("imposed sanctions and export controls")
  let source: string[];
  let confidence = 0.8;
  const by = indexOfWord(view, ['by'], Math.max(verb, after), clauseEnd);
  const agents = by >= 0 ? objectsAfter(view, by + 1, clauseEnd) : [];
  if (agents.length > 0) source = agents.map((a) => a.entity);
  else if (postVerb) {
    // "curbs imposed on Huawei": the agent is left out; the party that imposed the last such measure.
    source = discourse.lastSanctioner.length > 0 && type === 'SANCTION' ? [...discourse.lastSanctioner] : subjectBefore(view, i).actors.map((a) => a.entity);
    confidence = 0.55;
  } else {
    const subj = subjectBefore(view, verb);
    source = subj.actors.map((a) => a.entity);
    if (source.length === 0) source = discourse.resolvePronoun(subj.pronoun, speaker);
    if (source.length === 0) source = groupSubject(view, verb, discourse);
    // "the Commerce Department’s Entity List": the list's owner imposes it.
    const owner = view.actors.find((a) => a.possessive && !a.demonym && a.last + 1 === i);
    if (source.length === 0 && owner) source = [owner.entity];
  }
  const objectFirst = OBJECT_TARGET_VERBS.has(view.lower[verb]!) && verb < i;
  let targets = measureTargets(view, verb + 1, clauseEnd, objectFirst).map((a) => a.entity);
  if (type === 'AGREE') {
    const withAt = indexOfWord(view, ['with'], after, clauseEnd);
    targets = withAt >= 0 ? objectsAfter(view, withAt + 1, clauseEnd).map((a) => a.entity) : [];
  }
  if (source.length === 0 && targets.length === 0) return undefined;
  const npFrom = postVerb ? backToDeterminer(view, i, start) : verb + 1;
  const npEnd = Math.min(complementEnd(view, after, clauseEnd), npFrom + MAX_MEASURE_WORDS);
  const charge = phrase(view, text, npFrom, npEnd);
  const modality = modalityAt(view, Math.min(verb, i), 0, false);
  const announced = isAnnouncement(view, Math.min(verb, i));
  return {
    type,
    source,
    targets,
    ...(charge ? { charge } : {}),
    trigger: text.slice(view.toks[i]!.start, view.toks[after - 1]!.end),
    triggerStart: view.toks[i]!.start,
    confidence: source.length > 0 && targets.length > 0 ? confidence : confidence - 0.25,
    ...(modality ? { modality } : {}),
    ...(postVerb && agents.length === 0 ? { descriptive: true } : {}),
    ...(announced ? { announced } : {}),
    tense: tenseAt(view, verb),
    at: i,
    anchor: verb,
  };
}

/** "it would impose", "will take measures": a plain will/would with no condition or doubt in the clause. */
function isAnnouncement(view: SentenceView, i: number): boolean {
  const window = view.lower.slice(clauseStart(view, i), i);
  return window.some((w) => w === 'will' || w === 'would' || w === "'ll") && !window.some((w) => ['if', 'unless', 'whether', 'could', 'may', 'might', 'not', "won't", "wouldn't"].includes(w));
}

/** "The two governments signed …": the two most recently named countries or governments. */
function groupSubject(view: SentenceView, verb: number, discourse: Discourse): string[] {
  const np = view.lower.slice(Math.max(0, verb - 3), verb);
  if (np.includes('two') && np.some((w) => /^(governments|countries|sides|nations)$/u.test(w))) return discourse.recent.slice(0, 2);
  return [];
}

function backToDeterminer(view: SentenceView, i: number, start: number): number {
  let k = i;
  while (k > start && ['Noun', 'Adjective', 'Determiner', 'Value'].includes(view.toks[k - 1]!.pos) && !actorAt(view, k - 1)) k -= 1;
  return k;
}

/** Where the predicate after a subject starts: the first verb after the subject's last actor. */
function predicateStart(view: SentenceView, i: number, subject: readonly ActorSpan[]): number {
  const after = subject.length > 0 ? subject.at(-1)!.last : clauseStart(view, i);
  if (after > i) return i;
  let start = i;
  for (let k = after; k <= i; k += 1) {
    if (view.toks[k]!.pos === 'Verb' || view.toks[k]!.tags.includes('Verb')) {
      start = k;
      break;
    }
  }
  // A later conjunct ("… and harmed China's interests") is a predicate of its own.
  for (let k = start; k < i; k += 1) if (view.lower[k] === 'and' || view.lower[k] === 'or') start = i;
  while (start > after && view.toks[start - 1]!.pos === 'Adverb') start -= 1;
  return start;
}

function quoteOf(view: SentenceView, text: string, from: number, to: number): { quote?: string } {
  let start = from;
  while (start > 0 && view.quoted[start - 1] && view.quoted[start]) start -= 1;
  const q = quotedIn(view, text, start, to);
  return q ? { quote: q } : {};
}

function charRange(view: SentenceView, from: number, to: number): { start: number; end: number } {
  return { start: view.toks[from]?.start ?? 0, end: view.toks[Math.max(from, to - 1)]?.end ?? 0 };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
