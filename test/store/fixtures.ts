// Hand-made extraction records for the store tests: two articles sharing entities, a changed version, odd text.
import { toGraph } from '../../src/graph/to-graph.js';
import type { GraphRows } from '../../src/graph/types.js';
import type { Article, Entity, EntityClass, Event, EventType, ExtractionRecord } from '../../src/model/types.js';

interface EntitySpec {
  id: string;
  cls: EntityClass;
  name: string;
  key: string;
  aliases?: string[];
  subtype?: string;
}
interface EventSpec {
  id: string;
  type: EventType;
  by: string[];
  against: string[];
  evidence: string;
  confidence: number;
  date?: string;
  charge?: string;
}

function spansOf(text: string, needle: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    out.push({ text: needle, start: i, end: i + needle.length });
  }
  if (out.length === 0) throw new Error(`fixture: "${needle}" not in text`);
  return out;
}

export function rowsFor(article: Article, entities: EntitySpec[], events: EventSpec[], version = 'test-1'): GraphRows {
  const ents: Entity[] = entities.map((e) => ({
    id: e.id,
    key: e.key,
    name: e.name,
    class: e.cls,
    aliases: e.aliases ?? [],
    mentions: [e.name, ...(e.aliases ?? [])].flatMap((n) => spansOf(article.text, n)),
    ...(e.subtype ? { subtype: e.subtype } : {}),
  }));
  const evs: Event[] = events.map((e) => {
    const [span] = spansOf(article.text, e.evidence);
    return {
      id: e.id,
      type: e.type,
      source: e.by,
      targets: e.against,
      trigger: e.type.toLowerCase(),
      confidence: e.confidence,
      evidence: span!,
      ...(e.date ? { date: e.date } : {}),
      ...(e.charge ? { charge: e.charge } : {}),
    };
  });
  const record: ExtractionRecord = {
    schemaVersion: 1,
    article: { id: article.id, date: article.date },
    entities: ents,
    references: [],
    events: evs,
    nonFactual: [],
    dates: [],
  };
  return toGraph(article, record, version);
}

const A1_TEXT =
  "China's foreign ministry on Monday accused the Trump administration of interfering in China's affairs. " +
  'Huawei declined to comment.';
export const A1 = rowsFor(
  { id: 'a1', date: '2020-05-25', text: A1_TEXT },
  [
    { id: 'e1', cls: 'LOC', name: 'China', key: 'LOC:china', subtype: 'country' },
    { id: 'e2', cls: 'ORG', name: 'foreign ministry', key: 'ORG:china-foreign-ministry', subtype: 'government_body' },
    { id: 'e3', cls: 'ORG', name: 'Trump administration', key: 'ORG:trump-administration', subtype: 'government' },
    { id: 'e4', cls: 'ORG', name: 'Huawei', key: 'ORG:huawei', subtype: 'company' },
  ],
  [
    {
      id: 'a1-ev1', type: 'ACCUSE', by: ['e2'], against: ['e3'], confidence: 0.9, date: '2020-05-25',
      charge: "interfering in China's affairs", evidence: 'accused the Trump administration of interfering',
    },
  ],
);

const A2_TEXT =
  'The Commerce Department on Friday added Hikvision and Huawei to its entity list, citing abuses in China. ' +
  'Hikvision rejected the decision. The PRC criticised the Commerce Department.';
export const A2 = rowsFor(
  { id: 'a2', date: '2020-05-22', text: A2_TEXT },
  [
    { id: 'e1', cls: 'ORG', name: 'Commerce Department', key: 'ORG:commerce-department', subtype: 'government_body' },
    { id: 'e2', cls: 'ORG', name: 'Hikvision', key: 'ORG:hikvision', subtype: 'company' },
    { id: 'e3', cls: 'ORG', name: 'Huawei', key: 'ORG:huawei', subtype: 'company' },
    { id: 'e4', cls: 'LOC', name: 'China', key: 'LOC:china', aliases: ['PRC'], subtype: 'country' },
  ],
  [
    // confidence 1 (integral) next to 0.5 in one batch: the embedded store must not mix INT64 and DOUBLE
    { id: 'a2-ev1', type: 'SANCTION', by: ['e1'], against: ['e2', 'e3'], confidence: 1, date: '2020-05-22', evidence: 'added Hikvision and Huawei' },
    { id: 'a2-ev2', type: 'REJECT', by: ['e2'], against: ['e1'], confidence: 0.5, evidence: 'Hikvision rejected the decision' },
    { id: 'a2-ev3', type: 'CRITICIZE', by: ['e4'], against: ['e1'], confidence: 0.75, evidence: 'The PRC criticised' },
  ],
);

/** a1 rewritten: the Trump administration and Huawei are gone, China gains an alias, a new event replaces the old. */
const A1_CHANGED_TEXT =
  "China's foreign ministry on Tuesday criticised Washington. Beijing said the measures were unfair.";
export const A1_CHANGED = rowsFor(
  { id: 'a1', date: '2020-05-26', text: A1_CHANGED_TEXT },
  [
    { id: 'e1', cls: 'LOC', name: 'China', key: 'LOC:china', aliases: ['Beijing'], subtype: 'country' },
    { id: 'e2', cls: 'ORG', name: 'foreign ministry', key: 'ORG:china-foreign-ministry', subtype: 'government_body' },
    { id: 'e3', cls: 'LOC', name: 'Washington', key: 'LOC:washington', subtype: 'city' },
  ],
  [{ id: 'a1-ev9', type: 'CRITICIZE', by: ['e2'], against: ['e3'], confidence: 0.8, evidence: 'criticised Washington' }],
);

/** Cypher-looking text, backticks, `$param`, emoji and right-to-left scripts, in text and entity names. */
export const NASTY_NAME = "Acme'}) DETACH DELETE n // `x` $param 😀";
export const RTL_NAME = 'وزارة الخارجية';
export const HEBREW = 'שלום עולם';
const NASTY_TEXT =
  `${NASTY_NAME} said on Monday that ${RTL_NAME} had accused it of "fraud" \\' "; MATCH (n) DETACH DELETE n; ` +
  `${HEBREW} 🇨🇳 \u200f end.`;
export const NASTY = rowsFor(
  { id: "nasty'}) DETACH DELETE n //", date: '2020-06-01', text: NASTY_TEXT },
  [
    { id: 'e1', cls: 'ORG', name: NASTY_NAME, key: `ORG:${NASTY_NAME.toLowerCase()}`, aliases: ['$param'] },
    { id: 'e2', cls: 'ORG', name: RTL_NAME, key: `ORG:${RTL_NAME}`, subtype: 'government_body' },
  ],
  [{ id: 'nasty-ev1', type: 'ACCUSE', by: ['e2'], against: ['e1'], confidence: 0.6, charge: '"fraud" `x` $param', evidence: 'had accused it of "fraud"' }],
);

/** An article with no entities and no events: every batch is empty. */
export const BARE = rowsFor({ id: 'bare', date: '2020-01-01', text: 'Nothing happened.' }, [], []);
