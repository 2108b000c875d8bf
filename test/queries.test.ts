import { listQueries, parameterNames } from '../src/queries.js';
import { parseParam } from '../src/cli/query.js';

describe('named queries', () => {
  const queries = listQueries();
  it('ships the queries users are promised, each with a one-line description', () => {
    const names = queries.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['accusations', 'actor-network', 'entity-events', 'top-actors', 'timeline', 'actor-aliases', 'events-by-type', 'accusations-against']));
    for (const q of queries) expect(q.description.length).toBeGreaterThan(10);
  });
  it('portable queries use no multi-label patterns and no Neo4j-only functions', () => {
    for (const q of queries.filter((x) => !x.neo4jOnly)) {
      expect(q.cypher).not.toMatch(/\(\w*:\w+:\w+/u);
      expect(q.cypher).not.toMatch(/\b(shortestPath|allShortestPaths|apoc\.|type\()/u);
      // LadybugDB's parser rejects white space before a comma ("coalesce(x, '') , y").
      expect({ file: q.file, bad: /\s,/u.test(q.cypher.replace(/\/\/[^\n]*/gu, '')) }).toEqual({ file: q.file, bad: false });
    }
  });
  it('finds parameters outside strings and comments', () => {
    expect(parameterNames("// uses $nope\nMATCH (x) WHERE x.name = $name AND x.t = '$not' RETURN $limit")).toEqual(['name', 'limit']);
  });
});

describe('parseParam', () => {
  it.each([
    ['limit=10', ['limit', 10]],
    ['x=-2.5', ['x', -2.5]],
    ['flag=true', ['flag', true]],
    ['from=2020-05-01', ['from', '2020-05-01']],
    ['name=Zhao=Li', ['name', 'Zhao=Li']],
  ])('%s', (kv, expected) => expect(parseParam(kv)).toEqual(expected));
  it('refuses a value without a key', () => expect(() => parseParam('=3')).toThrow(/not key=value/u));
});
