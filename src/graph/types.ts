// Typed graph rows: what toGraph produces and every store loads. Pure data, JSON-safe.

export type NodeLabel = 'Article' | 'Person' | 'Organization' | 'Location' | 'Misc' | 'Event';
export type RelType =
  | 'BY'
  | 'AGAINST'
  | 'REPORTED_IN'
  | 'MENTIONS'
  | 'ACCUSED'
  | 'CRITICIZED'
  | 'DEMANDED_OF'
  | 'SANCTIONED'
  | 'THREATENED'
  | 'REJECTED'
  | 'AGREED_WITH'
  | 'RETALIATED_AGAINST'
  | 'DUPLICATE_OF'
  | ActorLinkType;

export type Scalar = string | number | boolean | null;
export type PropValue = Scalar | readonly string[] | readonly number[];

/** The property that identifies a node of each label (MERGE key, primary key in the embedded store). */
export const NODE_KEY: Readonly<Record<NodeLabel, 'id' | 'key'>> = {
  Article: 'id',
  Event: 'id',
  Person: 'key',
  Organization: 'key',
  Location: 'key',
  Misc: 'key',
};

/** Every property each label carries, with its type: both stores send every key (explicit nulls). */
export const NODE_PROPS: Readonly<Record<NodeLabel, Readonly<Record<string, PropType>>>> = {
  Article: { id: 'string', date: 'string', title: 'string', url: 'string', source: 'string', file: 'string', text: 'string', contentHash: 'string', minhash: 'string' },
  Person: { key: 'string', name: 'string', aliases: 'string[]', subtype: 'string', country: 'string', title: 'string' },
  Organization: { key: 'string', name: 'string', aliases: 'string[]', subtype: 'string', country: 'string' },
  Location: { key: 'string', name: 'string', aliases: 'string[]', subtype: 'string', country: 'string' },
  Misc: { key: 'string', name: 'string', aliases: 'string[]', subtype: 'string', country: 'string' },
  Event: {
    id: 'string', type: 'string', date: 'string', charge: 'string', quote: 'string', trigger: 'string',
    confidence: 'number', evidenceStart: 'number', evidenceEnd: 'number', evidenceText: 'string', article: 'string',
  },
};

export type PropType = 'string' | 'number' | 'string[]' | 'number[]';

/** Properties each relationship type carries. Direct actor-to-actor edges are keyed by `event`. */
export const REL_PROPS: Readonly<Record<RelType, Readonly<Record<string, PropType>>>> = {
  BY: {},
  AGAINST: {},
  REPORTED_IN: {},
  MENTIONS: { count: 'number', starts: 'number[]', ends: 'number[]' },
  ACCUSED: { event: 'string', date: 'string', charge: 'string' },
  CRITICIZED: { event: 'string', date: 'string', charge: 'string' },
  DEMANDED_OF: { event: 'string', date: 'string', charge: 'string' },
  SANCTIONED: { event: 'string', date: 'string', charge: 'string' },
  THREATENED: { event: 'string', date: 'string', charge: 'string' },
  REJECTED: { event: 'string', date: 'string', charge: 'string' },
  AGREED_WITH: { event: 'string', date: 'string', charge: 'string' },
  RETALIATED_AGAINST: { event: 'string', date: 'string', charge: 'string' },
  AFFILIATED_WITH: {},
  SPOKESPERSON_FOR: {},
  HEADED_BY: {},
  POSSIBLY_SAME_AS: {},
  MEMBER_OF: {},
  // (:Article)-[:DUPLICATE_OF]->(:Article): a reprint of the same story points at the first report and loads no events
  // or mentions of its own; similarity = estimated Jaccard of word shingles, from the Articles' `minhash` signatures.
  DUPLICATE_OF: { similarity: 'number' },
};

/**
 * Actor-to-actor links from resolution (issue 5), FROM any entity label TO any entity label, no properties:
 * Zhao Lijian SPOKESPERSON_FOR the foreign ministry, a ministry AFFILIATED_WITH China, the Trump administration
 * HEADED_BY Donald Trump, a bare surname POSSIBLY_SAME_AS each full name it may stand for, CloudWalk MEMBER_OF the
 * group "eight companies". `actorLinkRows`
 * in to-graph.ts builds the rows; MERGE keeps one edge per pair, whatever number of articles state it.
 */
export type ActorLinkType = 'AFFILIATED_WITH' | 'SPOKESPERSON_FOR' | 'HEADED_BY' | 'POSSIBLY_SAME_AS' | 'MEMBER_OF';
export const ACTOR_LINK_TYPES: readonly ActorLinkType[] = ['AFFILIATED_WITH', 'SPOKESPERSON_FOR', 'HEADED_BY', 'POSSIBLY_SAME_AS', 'MEMBER_OF'];

export const ENTITY_LABELS: readonly NodeLabel[] = ['Person', 'Organization', 'Location', 'Misc'];

export interface GraphNode {
  readonly label: NodeLabel;
  /** Value of the label's NODE_KEY property. */
  readonly key: string;
  /** Every property in NODE_PROPS[label], null where unknown. */
  readonly props: Readonly<Record<string, PropValue>>;
  /** Neo4j-only secondary labels for Browser (Company, GovernmentBody, Country, Accusation, ...). */
  readonly extraLabels: readonly string[];
}

export interface NodeRef {
  readonly label: NodeLabel;
  readonly key: string;
}

export interface GraphRelationship {
  readonly type: RelType;
  readonly from: NodeRef;
  readonly to: NodeRef;
  /** Every property in REL_PROPS[type]. */
  readonly props: Readonly<Record<string, PropValue>>;
}

/** All rows for one article: loaded in one transaction. */
export interface GraphRows {
  readonly articleId: string;
  readonly contentHash: string;
  readonly nodes: readonly GraphNode[];
  readonly relationships: readonly GraphRelationship[];
  /**
   * Rows too many to hold at once (a huge article's events), read back part by part while the article loads, after
   * `nodes` and `relationships`, in the same transaction. Not JSON: it names files on disk.
   */
  readonly deferred?: DeferredRows;
}

/** Some rows of an article: nodes, and relationships between them and the nodes already loaded. */
export interface RowsPart {
  readonly nodes: readonly GraphNode[];
  readonly relationships: readonly GraphRelationship[];
}

/** Rows kept on disk until they are loaded. */
export interface DeferredRows {
  /** The parts, read afresh at each call, so a transaction that is retried reads them again. */
  parts(): Iterable<RowsPart>;
  /** Deletes what holds them; called once the article is loaded, refused or skipped. Idempotent. */
  dispose(): void;
}

/** Event type -> the direct actor-to-actor relationship drawn in Browser. */
export const DIRECT_EDGE = {
  ACCUSE: 'ACCUSED',
  CRITICIZE: 'CRITICIZED',
  DEMAND: 'DEMANDED_OF',
  SANCTION: 'SANCTIONED',
  THREATEN: 'THREATENED',
  REJECT: 'REJECTED',
  AGREE: 'AGREED_WITH',
  RETALIATE: 'RETALIATED_AGAINST',
} as const satisfies Record<string, RelType>;

/** Event type -> Neo4j secondary label. */
export const EVENT_LABEL = {
  ACCUSE: 'Accusation',
  CRITICIZE: 'Criticism',
  DEMAND: 'Demand',
  SANCTION: 'Sanction',
  THREATEN: 'Threat',
  REJECT: 'Rejection',
  AGREE: 'Agreement',
  RETALIATE: 'Retaliation',
} as const;

/** Entity subtype -> Neo4j secondary label. */
export const SUBTYPE_LABEL: Readonly<Record<string, string>> = {
  company: 'Company',
  government_body: 'GovernmentBody',
  government: 'Government',
  international_org: 'InternationalOrganization',
  party: 'Party',
  media: 'Media',
  country: 'Country',
  city: 'City',
  region: 'Region',
  group: 'Group',
  nationality: 'Nationality',
};
