// What the fault tests compare: counts, each article's shape (hash, mentions, events) and orphaned entities.
import { openStore } from '../../src/store/index.js';
import type { Counts, GraphStore, Row, StoreOptions } from '../../src/store/types.js';

/** Per article: its content hash, how many entities it mentions and how many events it reports. */
const SHAPE =
  'MATCH (a:Article) OPTIONAL MATCH (a)-[m:MENTIONS]->() WITH a, count(m) AS mentions ' +
  'OPTIONAL MATCH (e:Event)-[:REPORTED_IN]->(a) RETURN a.id AS id, a.contentHash AS hash, mentions, count(e) AS events ORDER BY id';

/** Entities with no mention and no event pointing at them, counted label by label (portable Cypher). */
const ORPHANS = ['Person', 'Organization', 'Location', 'Misc'].map(
  (label) =>
    `MATCH (x:${label}) WHERE NOT EXISTS { MATCH (x)<-[:MENTIONS]-(:Article) } AND NOT EXISTS { MATCH (x)<-[:BY]-(:Event) } ` +
    'AND NOT EXISTS { MATCH (x)<-[:AGAINST]-(:Event) } RETURN count(x) AS n',
);

/** Keys held by more than one node of a label (a uniqueness failure), e.g. two Article nodes with one id. */
const DUPLICATES = [
  ['Article', 'id'],
  ['Event', 'id'],
  ['Person', 'key'],
  ['Organization', 'key'],
  ['Location', 'key'],
  ['Misc', 'key'],
].map(([label, key]) => `MATCH (x:${label}) WITH x.${key} AS k, count(*) AS c WHERE c > 1 RETURN count(k) AS n`);

export interface GraphState {
  readonly counts: Counts;
  readonly shape: Row[];
  readonly orphans: number;
  readonly duplicates: number;
}

export async function readState(store: GraphStore): Promise<GraphState> {
  const sum = async (qs: readonly string[]): Promise<number> => {
    let n = 0;
    for (const q of qs) n += Number((await store.run(q))[0]!['n']);
    return n;
  };
  return { counts: await store.counts(), shape: await store.run(SHAPE), orphans: await sum(ORPHANS), duplicates: await sum(DUPLICATES) };
}

/** Opens the store read-only, reads its state, closes it. */
export async function readStoreState(options: StoreOptions): Promise<GraphState> {
  const store = await openStore({ ...options, readOnly: true });
  try {
    return await readState(store);
  } finally {
    await store.close();
  }
}
