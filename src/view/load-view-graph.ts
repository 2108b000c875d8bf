// Runs a named (or literal) graph query on either store and turns its result into the view's actor network.
import { ConfigError } from '../errors.js';
import { runQuery } from '../run-query.js';
import type { GraphStore } from '../store/types.js';
import type { GrassRule } from './grass.js';
import { buildViewGraph, EVENT_DETAILS, graphElements, type EventDetail, type ViewGraph } from './view-graph.js';

/** The query `newsgraph view` draws when none is named: every actor-to-actor event edge. */
export const DEFAULT_VIEW_QUERY = 'event-network';

/**
 * Reads the network a query returns (nodes, relationships or paths), with each edge's evidence and article.
 * @example const graph = await loadViewGraph(store, 'accusation-network', {}, loadGrass().rules);
 */
export async function loadViewGraph(
  store: GraphStore,
  query: string,
  params: Record<string, unknown>,
  rules: readonly GrassRule[],
): Promise<ViewGraph> {
  const rows = await runQuery(store, query, params);
  const elements = graphElements(rows);
  if (rows.length > 0 && elements.nodes.size === 0) {
    throw new ConfigError(
      `query "${query.length > 60 ? `${query.slice(0, 60)}…` : query}" returns no actor nodes, relationships or paths; the view draws graph queries such as event-network, accusation-network, neighbourhood or sanctions-web`,
      { option: 'query' },
    );
  }
  const ids = [...elements.events.keys()].sort();
  const details = ids.length === 0 ? [] : ((await runQuery(store, EVENT_DETAILS, { ids })) as unknown as EventDetail[]);
  return buildViewGraph(elements, details, rules);
}
