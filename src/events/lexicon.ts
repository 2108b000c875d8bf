// Trigger lexicon: lemma -> event type, with the inflected forms each lemma takes ("accused" -> accuse -> ACCUSE).
import type { EventType } from '../model/types.js';

/**
 * How a trigger finds its roles.
 * - `act`: the grammatical subject acts ("China accused X", "Washington imposed tariffs").
 * - `nominal`: a noun ("tariffs", "truce") that counts only with a governing verb ("imposed", "signed").
 * - `charge`: a misconduct predicate that is an accusation only inside reported speech: the speaker
 *   accuses the predicate's subject ("the decision violated basic norms, said Zhao" -> Zhao accuses the US).
 */
export type TriggerKind = 'act' | 'nominal' | 'charge';

export interface TriggerEntry {
  readonly lemma: string;
  readonly types: readonly EventType[];
  readonly kind: TriggerKind;
  /** Words after the head that complete a multiword trigger ("call" + "on", "hit" + "back"). */
  readonly particle?: readonly string[];
}

/**
 * Regular English verb forms of a lemma, plus given irregular ones.
 * @example verbForms('accuse') // ['accuse', 'accuses', 'accused', 'accusing']
 */
export function verbForms(lemma: string, extra: readonly string[] = []): string[] {
  const forms = new Set<string>([lemma, ...extra]);
  if (/e$/u.test(lemma)) {
    forms.add(`${lemma}s`).add(`${lemma}d`).add(`${lemma.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/u.test(lemma)) {
    forms.add(`${lemma.slice(0, -1)}ies`).add(`${lemma.slice(0, -1)}ied`).add(`${lemma}ing`);
  } else if (/(s|sh|ch|x|z)$/u.test(lemma)) {
    forms.add(`${lemma}es`).add(`${lemma}ed`).add(`${lemma}ing`);
  } else {
    forms.add(`${lemma}s`).add(`${lemma}ed`).add(`${lemma}ing`);
  }
  return [...forms];
}

function nounForms(lemma: string): string[] {
  if (/[^aeiou]y$/u.test(lemma)) return [lemma, `${lemma.slice(0, -1)}ies`];
  if (/(s|sh|ch|x)$/u.test(lemma)) return [lemma, `${lemma}es`];
  return [lemma, `${lemma}s`];
}

type VerbRow = readonly [string, readonly EventType[], (readonly string[])?, (readonly string[])?];
const ACT_VERBS: readonly VerbRow[] = [
  ['accuse', ['ACCUSE']],
  ['allege', ['ACCUSE']],
  ['blame', ['ACCUSE']],
  ['charge', ['ACCUSE']],
  ['criticize', ['CRITICIZE']],
  ['criticise', ['CRITICIZE']],
  ['oppose', ['CRITICIZE']],
  ['protest', ['CRITICIZE']],
  ['condemn', ['CRITICIZE']],
  ['denounce', ['CRITICIZE']],
  ['slam', ['CRITICIZE'], ['slammed', 'slamming']],
  ['decry', ['CRITICIZE']],
  ['urge', ['DEMAND']],
  ['demand', ['DEMAND']],
  ['call', ['DEMAND'], [], ['on', 'upon']],
  ['press', ['DEMAND']],
  ['sanction', ['SANCTION']],
  ['blacklist', ['SANCTION']],
  ['ban', ['SANCTION'], ['banned', 'banning']],
  ['threaten', ['THREATEN']],
  ['warn', ['THREATEN']],
  ['deny', ['REJECT']],
  ['reject', ['REJECT']],
  ['dismiss', ['REJECT']],
  ['refute', ['REJECT']],
  ['sign', ['AGREE']],
  ['agree', ['AGREE']],
  ['retaliate', ['RETALIATE']],
  ['hit', ['RETALIATE'], ['hitting'], ['back']],
];

const NOMINALS: readonly [string, readonly EventType[]][] = [
  ['sanction', ['SANCTION']],
  ['tariff', ['SANCTION']],
  ['duty', ['SANCTION']],
  ['blacklist', ['SANCTION']],
  ['ban', ['SANCTION']],
  ['embargo', ['SANCTION']],
  ['curb', ['SANCTION']],
  ['control', ['SANCTION']],
  ['restriction', ['SANCTION']],
  ['levy', ['SANCTION']],
  ['truce', ['AGREE']],
  ['deal', ['AGREE']],
  ['agreement', ['AGREE']],
  ['accord', ['AGREE']],
  ['measure', ['SANCTION']],
  ['list', ['SANCTION']],
  ['protest', ['CRITICIZE']],
  ['countermeasure', ['RETALIATE']],
  ['counter-measure', ['RETALIATE']],
];

const CHARGES: readonly VerbRow[] = [
  ['violate', ['CRITICIZE', 'ACCUSE']],
  ['harm', ['CRITICIZE', 'ACCUSE']],
  ['undermine', ['CRITICIZE', 'ACCUSE']],
  ['damage', ['CRITICIZE', 'ACCUSE']],
  ['bully', ['CRITICIZE', 'ACCUSE']],
  ['interfere', ['ACCUSE']],
  ['steal', ['ACCUSE'], ['stole', 'stolen']],
  ['spy', ['ACCUSE']],
  ['abuse', ['ACCUSE']],
  ['dump', ['ACCUSE']],
  ['subsidize', ['ACCUSE']],
  ['subsidise', ['ACCUSE']],
  ['discriminate', ['ACCUSE']],
  ['ignore', ['CRITICIZE']],
  ['poison', ['ACCUSE']],
  ['flood', ['ACCUSE']],
  ['distort', ['CRITICIZE']],
  ['disregard', ['REJECT']],
];

/** Nouns that carry a charge in reported speech: "might be security threats" (said of the subject). */
const CHARGE_NOUNS: readonly [string, readonly EventType[]][] = [
  ['threat', ['ACCUSE']],
  ['theft', ['ACCUSE']],
  ['espionage', ['ACCUSE']],
];

function buildIndex(): Map<string, TriggerEntry[]> {
  const index = new Map<string, TriggerEntry[]>();
  const add = (form: string, entry: TriggerEntry): void => {
    const list = index.get(form) ?? [];
    list.push(entry);
    index.set(form, list);
  };
  for (const [lemma, types, extra, particle] of ACT_VERBS) {
    for (const f of verbForms(lemma, extra ?? [])) add(f, { lemma, types, kind: 'act', ...(particle && particle.length ? { particle } : {}) });
  }
  for (const [lemma, types] of NOMINALS) for (const f of nounForms(lemma)) add(f, { lemma, types, kind: 'nominal' });
  for (const [lemma, types, extra] of CHARGES) for (const f of verbForms(lemma, extra ?? [])) add(f, { lemma, types, kind: 'charge' });
  for (const [lemma, types] of CHARGE_NOUNS) for (const f of nounForms(lemma)) add(f, { lemma, types, kind: 'charge' });
  return index;
}

const INDEX = buildIndex();

/**
 * Lexicon entries a word form can be (a form may be both a verb and a noun: "sanctions", "ban").
 * @example lookupTrigger('Accused')[0].types // ['ACCUSE']
 */
export function lookupTrigger(word: string): readonly TriggerEntry[] {
  return INDEX.get(word.toLowerCase()) ?? [];
}

/** Multiword nominal triggers: their first word, the rest, and the type. */
export const MULTIWORD_NOMINALS: readonly { readonly words: readonly string[]; readonly types: readonly EventType[] }[] = [
  { words: ['entity', 'list'], types: ['SANCTION'] },
  { words: ['export', 'controls'], types: ['SANCTION'] },
  { words: ['export', 'control'], types: ['SANCTION'] },
];

/** Verbs that make a nominal trigger an act: "imposed tariffs", "signed a truce", "added X to the entity list". */
export const LIGHT_VERBS: Readonly<Record<string, readonly string[]>> = {
  SANCTION: ['impose', 'add', 'raise', 'slap', 'levy', 'extend', 'place', 'put', 'expand', 'introduce', 'apply', 'tighten', 'announce', 'adopt', 'hit', 'increase', 'issue', 'restore', 'reimpose', 'double', 'triple', 'quadruple'],
  CRITICIZE: ['lodge', 'file', 'register'],
  AGREE: ['sign', 'reach', 'strike', 'seal', 'conclude', 'agree'],
  RETALIATE: ['take', 'adopt', 'announce', 'impose', 'launch'],
};

/** Verbs of saying whose subject (or post-posed subject) is the speaker of what they report. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  ['say', 'tell', 'add', 'state', 'complain', 'claim', 'insist', 'argue', 'note', 'write', 'stress', 'contend', 'assert', 'maintain', 'declare', 'comment']
    .flatMap((l) => verbForms(l, l === 'say' ? ['said'] : l === 'tell' ? ['told'] : l === 'write' ? ['wrote', 'written'] : [])),
);

/** Verbs whose to-complement is not (yet) real: "threatened to back out", "plans to impose". */
export const IRREALIS_GOVERNORS: ReadonlySet<string> = new Set(
  ['threaten', 'warn', 'plan', 'consider', 'weigh', 'propose', 'intend', 'vow', 'pledge', 'promise', 'seek', 'want', 'hope', 'expect', 'prepare', 'mull', 'urge', 'demand', 'ask', 'call', 'press', 'decline', 'refuse', 'fail']
    .flatMap((l) => verbForms(l)),
);

export const NEGATORS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
export const POSSIBILITY_MODALS: ReadonlySet<string> = new Set(['could', 'may', 'might', 'can']);
export const HYPOTHETICAL_MODALS: ReadonlySet<string> = new Set(['would', 'should', 'if', 'unless']);
/** "has yet to say whether it will retaliate": an open question, i.e. merely possible. */
export const OPEN_QUESTION: ReadonlySet<string> = new Set(['whether']);
export const FUTURE_MARKERS: ReadonlySet<string> = new Set(['will', "'ll", 'shall']);
export const DENIAL_VERBS: ReadonlySet<string> = new Set(['deny', 'reject', 'dismiss', 'refute'].flatMap((l) => verbForms(l)));
