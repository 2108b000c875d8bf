// Removing articles inside one open transaction: their events, mentions and DUPLICATE_OF edges, then orphans.
// `newsgraph remove a1` after a1 and a2 mention "Huawei": Huawei stays (a2 mentions it); a1's events go.
import { ACTOR_LINK_TYPES, DIRECT_EDGE, ENTITY_LABELS, type NodeLabel } from '../graph/types.js';
import { UNWIND_CHUNK, type TxRun } from './load-article.js';
import type { RemoveOutcome } from './types.js';

const DIRECT_TYPES: readonly string[] = Object.values(DIRECT_EDGE);

/**
 * Removes the articles with the given ids and everything only they supported; ids the store lacks are reported.
 * Callers supply `run` bound to one open transaction (all or nothing).
 * @example await removeArticleRows(['a1'], (c, p) => tx.run(c, p)) // { removed: ['a1'], missing: [] }
 */
export async function removeArticleRows(ids: readonly string[], run: TxRun): Promise<RemoveOutcome> {
  const wanted = [...new Set(ids)];
  const removed: string[] = [];
  for (const part of chunks(wanted)) {
    const found = await run('MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id', { ids: part });
    const here = found.map((r) => String(r['id']));
    if (here.length === 0) continue;
    removed.push(...here);

    // Entities the articles touched: candidates to become orphans (or to lose actor links nobody else supports).
    const candidates = new Map<NodeLabel, Set<string>>();
    for (const label of ENTITY_LABELS) {
      const keys = new Set<string>();
      candidates.set(label, keys);
      const mentioned = await run(`MATCH (a:Article)-[:MENTIONS]->(x:${label}) WHERE a.id IN $ids RETURN DISTINCT x.key AS key`, { ids: here });
      for (const r of mentioned) keys.add(String(r['key']));
      for (const rel of ['BY', 'AGAINST']) {
        const acted = await run(
          `MATCH (e:Event)-[:REPORTED_IN]->(a:Article) WHERE a.id IN $ids MATCH (e)-[:${rel}]->(x:${label}) RETURN DISTINCT x.key AS key`,
          { ids: here },
        );
        for (const r of acted) keys.add(String(r['key']));
      }
    }

    const events = new Set<string>();
    for (const r of await run('MATCH (e:Event)-[:REPORTED_IN]->(a:Article) WHERE a.id IN $ids RETURN e.id AS id', { ids: here })) events.add(String(r['id']));
    for (const r of await run('MATCH (e:Event) WHERE e.article IN $ids RETURN e.id AS id', { ids: here })) events.add(String(r['id']));
    for (const evPart of chunks([...events].sort())) {
      for (const type of DIRECT_TYPES) await run(`MATCH (s)-[r:${type}]->(t) WHERE r.event IN $ids DELETE r`, { ids: evPart });
      await run('MATCH (e:Event) WHERE e.id IN $ids DETACH DELETE e', { ids: evPart });
    }

    // Reprints of a removed first report keep no events of their own: forget their hash so the next ingest loads them.
    await run(
      'MATCH (d:Article)-[x:DUPLICATE_OF]->(a:Article) WHERE a.id IN $ids AND NOT d.id IN $ids SET d.contentHash = NULL DELETE x',
      { ids: here },
    );
    await run('MATCH (a:Article) WHERE a.id IN $ids DETACH DELETE a', { ids: here });

    for (const [label, keys] of candidates) {
      for (const keyPart of chunks([...keys].sort())) {
        await run(
          `UNWIND $keys AS k MATCH (x:${label} {key: k}) ` +
            'WHERE NOT EXISTS { MATCH (x)<-[:MENTIONS]-(:Article) } ' +
            'AND NOT EXISTS { MATCH (x)<-[:BY]-(:Event) } AND NOT EXISTS { MATCH (x)<-[:AGAINST]-(:Event) } ' +
            'DETACH DELETE x',
          { keys: keyPart },
        );
        // An actor link comes from one article naming both ends; with no article left that mentions both, it goes.
        for (const type of ACTOR_LINK_TYPES) {
          for (const edge of [`-[r:${type}]->`, `<-[r:${type}]-`]) {
            await run(
              `UNWIND $keys AS k MATCH (x:${label} {key: k})${edge}(y) ` +
                'WHERE NOT EXISTS { MATCH (x)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(y) } DELETE r',
              { keys: keyPart },
            );
          }
        }
      }
    }
  }
  const gone = new Set(removed);
  return { removed: wanted.filter((id) => gone.has(id)), missing: wanted.filter((id) => !gone.has(id)) };
}

function* chunks<T>(items: readonly T[], size = UNWIND_CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
