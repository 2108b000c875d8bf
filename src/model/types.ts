// The document model: one Article whose text never changes, and layers of spans that point into it.

/** Half-open UTF-16 offsets into `Article.text`: `text.slice(start, end)` is the span's surface text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type EntityClass = 'PER' | 'ORG' | 'LOC' | 'MISC';
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type EventType =
  | 'ACCUSE'
  | 'CRITICIZE'
  | 'DEMAND'
  | 'SANCTION'
  | 'THREATEN'
  | 'REJECT'
  | 'AGREE'
  | 'RETALIATE';

export const EVENT_TYPES: readonly EventType[] = [
  'ACCUSE', 'CRITICIZE', 'DEMAND', 'SANCTION', 'THREATEN', 'REJECT', 'AGREE', 'RETALIATE',
];

/** One input article. `date` is YYYY-MM-DD; `text` is everything after a date lead, never edited. */
export interface Article {
  readonly id: string;
  readonly date: string;
  readonly text: string;
  readonly file?: string;
  readonly line?: number;
  readonly title?: string;
  readonly url?: string;
  readonly source?: string;
}

/** A token as the NER model sees it: punctuation and possessive 's are tokens of their own. */
export interface Token extends Span {
  readonly text: string;
  /** Coarse part of speech from compromise: Noun, ProperNoun, Verb, Adjective, Adverb, Determiner, ... */
  readonly pos: string;
  /** compromise's full tag set for the term the token came from. */
  readonly tags: readonly string[];
  /** Index of the sentence that holds it. */
  readonly sentence: number;
}

export interface Sentence extends Span {
  readonly text: string;
  /** Indices into `Doc.tokens`, half-open. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** A named mention with CoNLL-style extent (no title, no possessive, no trailing punctuation). */
export interface Mention extends Span {
  readonly text: string;
  readonly class: EntityClass;
  /** The stage that made it, e.g. 'extract-entities'. */
  readonly source: string;
  readonly confidence?: number;
  /** What resolution stages learnt about the actor this mention names (canonical name, country, ...). */
  readonly actor?: MentionActor;
}

/** Annotations on a mention for the resolver: "Beijing criticized" -> { canonical: 'China', subtype: 'country' }. */
export interface MentionActor {
  /** The name the actor's key is built from, when it is not the surface text. */
  readonly canonical?: string;
  /** The name shown for the actor, when it differs from canonical ("Foreign Ministry of China"). */
  readonly display?: string;
  readonly subtype?: string;
  /** Country (common name) the actor belongs to; part of the key of government bodies. */
  readonly country?: string;
  /** Title before a person's name, "President". */
  readonly title?: string;
  /** Surface name of the person heading it ("Trump" in "the Trump administration"). */
  readonly head?: string;
}

/** A typed link from one entity to another in the same article: Zhao Lijian SPOKESPERSON_FOR the ministry. */
export interface EntityRelation {
  readonly type: 'AFFILIATED_WITH' | 'SPOKESPERSON_FOR' | 'HEADED_BY' | 'POSSIBLY_SAME_AS';
  /** The other entity's id. */
  readonly entity: string;
}

/** A cluster of mentions: one actor within the article. */
export interface Entity {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly class: EntityClass;
  readonly subtype?: string;
  readonly aliases: readonly string[];
  readonly mentions: readonly { readonly text: string; readonly start: number; readonly end: number }[];
  readonly group?: boolean;
  readonly members?: readonly string[];
  readonly country?: string;
  readonly title?: string;
  /** Links to other entities of the article (affiliation, role, leader, possible identity). */
  readonly relations?: readonly EntityRelation[];
}

/** A description or pronoun that points at an entity ("the company"). Never a named mention. */
export interface Reference extends Span {
  readonly text: string;
  readonly entity: string;
}

/** A TIMEX3 temporal expression. */
export interface DateRef extends Span {
  readonly text: string;
  readonly type: TimexType;
  /** A TIMEX3 value string: 2020-05-22, 2020-05, 2020-W21, PAST_REF, P2Y, XXXX-WXX-1. */
  readonly value: string;
  /** 'article' or the index of another dates[] record that anchors a relative expression. */
  readonly anchor?: string;
  readonly certain?: boolean;
  readonly source?: string;
}

export interface Evidence extends Span {
  readonly text: string;
}

export interface Event {
  readonly id: string;
  readonly type: EventType;
  readonly source: readonly string[];
  readonly targets: readonly string[];
  readonly charge?: string;
  readonly quote?: string;
  /** A TIMEX3 value string, absent when the article does not say. */
  readonly date?: string;
  readonly trigger: string;
  readonly confidence: number;
  readonly evidence: Evidence;
  /** Only on nonFactual events: 'negated' | 'hypothetical' | 'possible' | 'future'. */
  readonly modality?: string;
}

export type Layer =
  | 'sentences'
  | 'tokens'
  | 'mentions'
  | 'entities'
  | 'references'
  | 'dates'
  | 'events';

/** The document: the article plus every layer the stages have assigned so far. */
export interface Doc {
  readonly article: Article;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly entities: readonly Entity[];
  readonly references: readonly Reference[];
  readonly dates: readonly DateRef[];
  readonly events: readonly Event[];
  readonly nonFactual: readonly Event[];
}

/** The extraction record, the public contract printed by `newsgraph extract`. */
export interface ExtractionRecord {
  readonly schemaVersion: number;
  readonly article: {
    readonly id: string;
    readonly date: string;
    readonly file?: string;
    readonly title?: string;
    readonly url?: string;
    readonly source?: string;
  };
  readonly entities: readonly Entity[];
  readonly references: readonly Reference[];
  readonly events: readonly Event[];
  readonly nonFactual: readonly Event[];
  readonly dates: readonly DateRef[];
}
