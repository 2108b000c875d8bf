// The behaviour every GraphStore must show; run against the embedded store and the real Neo4j.
import { QueryError } from '../../src/errors.js';
import type { Counts, GraphStore } from '../../src/store/types.js';
import { A1, A1_CHANGED, A2, BARE, HEBREW, NASTY, NASTY_NAME, RTL_NAME, rowsFor } from './fixtures.js';

const total = (c: Readonly<Record<string, number>>): number => Object.values(c).reduce((a, b) => a + b, 0);

/** Counts for A1 + A2, worked out by hand from the fixtures. */
const EXPECTED_A1_A2: Counts = {
  nodes: { Article: 2, Person: 0, Organization: 5, Location: 1, Misc: 0, Event: 4 },
  relationships: {
    BY: 4, AGAINST: 5, REPORTED_IN: 4, MENTIONS: 8,
    ACCUSED: 1, CRITICIZED: 1, DEMANDED_OF: 0, SANCTIONED: 2, THREATENED: 0, REJECTED: 1, AGREED_WITH: 0, RETALIATED_AGAINST: 0,
    AFFILIATED_WITH: 0, SPOKESPERSON_FOR: 0, HEADED_BY: 0, POSSIBLY_SAME_AS: 0, MEMBER_OF: 0, DUPLICATE_OF: 0,
  },
};

export function storeContract(getStore: () => GraphStore): void {
  const store = (): GraphStore => getStore();

  test('loading two articles gives the hand-counted nodes and relationships; loading again changes nothing', async () => {
    expect(await store().loadArticle(A1)).toBe('created');
    expect(await store().loadArticle(A2)).toBe('created');
    expect(await store().counts()).toEqual(EXPECTED_A1_A2);
    expect(await store().loadArticle(A1)).toBe('unchanged');
    expect(await store().loadArticle(A2)).toBe('unchanged');
    expect(await store().counts()).toEqual(EXPECTED_A1_A2);
  });

  test('a new extractor version re-loads (replaced) and leaves the same counts', async () => {
    await store().loadArticle(A1);
    await store().loadArticle(A2);
    const a2v2 = { ...A2, contentHash: A2.contentHash + '-v2' };
    expect(await store().loadArticle(a2v2)).toBe('replaced');
    expect(await store().counts()).toEqual(EXPECTED_A1_A2);
    expect(await store().loadArticle(a2v2)).toBe('unchanged');
  });

  test('a changed article replaces its events and mentions, drops orphans, keeps shared entities, unions aliases', async () => {
    await store().loadArticle(A1);
    await store().loadArticle(A2);
    expect(await store().loadArticle(A1_CHANGED)).toBe('replaced');
    const c = await store().counts();
    expect(c.nodes['Event']).toBe(4); // a1-ev1 out, a1-ev9 in, a2's three stay
    expect(c.relationships['ACCUSED']).toBe(0);
    expect(c.relationships['CRITICIZED']).toBe(2);
    const events = await store().run(
      'MATCH (e:Event)-[:REPORTED_IN]->(a:Article {id: $id}) RETURN e.id AS id ORDER BY id', { id: 'a1' });
    expect(events).toEqual([{ id: 'a1-ev9' }]);
    const orgs = await store().run('MATCH (o:Organization) RETURN o.key AS key ORDER BY key');
    expect(orgs.map((r) => r['key'])).toEqual([
      'ORG:china-foreign-ministry', 'ORG:commerce-department', 'ORG:hikvision', 'ORG:huawei',
    ]); // the Trump administration was only in a1: removed; Huawei is still mentioned by a2: kept
    const huawei = await store().run(
      'MATCH (a:Article)-[:MENTIONS]->(o:Organization {key: $key}) RETURN a.id AS article ORDER BY article', { key: 'ORG:huawei' });
    expect(huawei).toEqual([{ article: 'a2' }]);
    const china = await store().run('MATCH (l:Location {key: $key}) RETURN l.aliases AS aliases, l.name AS name', { key: 'LOC:china' });
    expect(china).toEqual([{ aliases: ['Beijing', 'China', 'PRC'], name: 'China' }]);
    const a1 = await store().run('MATCH (a:Article {id: $id}) RETURN a.date AS date, a.contentHash AS hash', { id: 'a1' });
    expect(a1).toEqual([{ date: '2020-05-26', hash: A1_CHANGED.contentHash }]);
    // Loading the old version again restores exactly the first graph, except China keeps every alias it was given.
    expect(await store().loadArticle(A1)).toBe('replaced');
    expect(await store().counts()).toEqual(EXPECTED_A1_A2);
  });

  test('an article with no entities or events loads (no empty UNWIND batch)', async () => {
    expect(await store().loadArticle(BARE)).toBe('created');
    expect((await store().counts()).nodes['Article']).toBe(1);
    expect(total((await store().counts()).relationships)).toBe(0);
  });

  test('`starts`/`ends` are keywords in LadybugDB: backticked they work on both stores', async () => {
    await store().loadArticle(A1);
    const r = await store().run('MATCH (:Article)-[m:MENTIONS]->(l:Location) RETURN size(m.`starts`) AS n');
    expect(r).toEqual([{ n: 2 }]);
  });

  test('numbers come back as JS numbers: integer offsets, float and integral confidence', async () => {
    await store().loadArticle(A2);
    const rows = await store().run(
      'MATCH (e:Event) RETURN e.id AS id, e.confidence AS confidence, e.evidenceStart AS start ORDER BY id');
    expect(rows.map((r) => [r['id'], r['confidence'], typeof r['start']])).toEqual([
      ['a2-ev1', 1, 'number'], ['a2-ev2', 0.5, 'number'], ['a2-ev3', 0.75, 'number'],
    ]);
    const m = await store().run(
      'MATCH (a:Article)-[m:MENTIONS]->(o:Organization {key: $key}) RETURN m.`count` AS n, m.`starts` AS spanStarts, m.`ends` AS spanEnds',
      { key: 'ORG:hikvision' });
    const text = 'The Commerce Department on Friday added Hikvision and Huawei to its entity list, citing abuses in China. Hikvision rejected';
    const first = text.indexOf('Hikvision');
    const second = text.indexOf('Hikvision', first + 1);
    expect(m).toEqual([{ n: 2, spanStarts: [first, second], spanEnds: [first + 9, second + 9] }]);
  });

  test('nodes and relationships come back as {labels, properties} and {type, properties}', async () => {
    await store().loadArticle(A1);
    const [row] = await store().run(
      'MATCH (o:Organization {key: $key})-[r:ACCUSED]->(t:Organization) RETURN o AS node, r AS rel', { key: 'ORG:china-foreign-ministry' });
    const node = row!['node'] as { labels: string[]; properties: Record<string, unknown> };
    expect(node.labels[0]).toBe('Organization');
    expect(node.properties).toEqual({
      key: 'ORG:china-foreign-ministry', name: 'foreign ministry', aliases: ['foreign ministry'], subtype: 'government_body',
    });
    expect(row!['rel']).toEqual({
      type: 'ACCUSED', properties: { event: 'a1-ev1', date: '2020-05-25', charge: "interfering in China's affairs" },
    });
  });

  test('Cypher-looking text, backticks, $param, emoji and RTL scripts survive intact and harm nothing', async () => {
    await store().loadArticle(A1);
    expect(await store().loadArticle(NASTY)).toBe('created');
    const article = NASTY.nodes.find((n) => n.label === 'Article')!;
    const back = await store().run('MATCH (a:Article {id: $id}) RETURN a.text AS text, a.id AS id', { id: NASTY.articleId });
    expect(back).toEqual([{ text: article.props['text'], id: NASTY.articleId }]);
    expect(String(back[0]!['text'])).toContain(HEBREW);
    const names = await store().run(
      'MATCH (a:Article {id: $id})-[:MENTIONS]->(o:Organization) RETURN o.name AS name, o.aliases AS aliases ORDER BY name',
      { id: NASTY.articleId });
    expect(names).toEqual([
      { name: NASTY_NAME, aliases: ['$param', NASTY_NAME].sort() },
      { name: RTL_NAME, aliases: [RTL_NAME] },
    ]);
    const charge = await store().run('MATCH (e:Event {id: $id}) RETURN e.charge AS charge', { id: 'nasty-ev1' });
    expect(charge).toEqual([{ charge: '"fraud" `x` $param' }]);
    expect(await store().loadArticle(NASTY)).toBe('unchanged');
    const c = await store().counts();
    expect(c.nodes['Article']).toBe(2);
    expect(c.nodes['Organization']).toBe(5); // a1's four entities minus China (a Location) plus the two odd ones
  });

  test('run() is read-only unless write: true; CREATE and DELETE are refused with a clear error', async () => {
    await store().loadArticle(A1);
    const before = await store().counts();
    await expect(store().run("CREATE (p:Person {key: 'x', name: 'X'})")).rejects.toThrow(QueryError);
    await expect(store().run('MATCH (n) DETACH DELETE n')).rejects.toThrow(/read-only.*--write/);
    expect(await store().counts()).toEqual(before);
    await store().run("CREATE (p:Person {key: 'PER:x', name: 'X'})", {}, { write: true });
    expect((await store().counts()).nodes['Person']).toBe(1);
  });

  test('a parameter the query names but the caller did not bind is an error, never silently dropped', async () => {
    await store().loadArticle(A1);
    const cypher = 'MATCH (o:Organization) WHERE o.key = $key RETURN o.key AS key';
    await expect(store().run(cypher)).rejects.toThrow(/\$key/);
    await expect(store().run(cypher, { key: undefined })).rejects.toThrow(QueryError);
    expect(await store().run(cypher, { key: 'ORG:huawei' })).toEqual([{ key: 'ORG:huawei' }]);
    // `$key` inside a string literal or a comment is text, not a parameter
    expect(await store().run("MATCH (o:Organization) WHERE o.name <> '$key' // $other\nRETURN count(o) AS n")).toEqual([{ n: 3 }]);
  });

  test('a statement failing mid-article rolls the whole article back (atomic per article)', async () => {
    await store().loadArticle(A1);
    const before = await store().counts();
    // The last relationship carries a map as a property, which neither store can hold: it fails after A2's nodes,
    // events and edges were already written inside the transaction.
    const bad = {
      type: 'MENTIONS' as const,
      from: { label: 'Article' as const, key: 'a2' },
      to: { label: 'Organization' as const, key: 'ORG:hikvision' },
      props: { count: { not: 'storable' } as unknown as number, starts: [0], ends: [1] },
    };
    const broken = { ...A2, relationships: [...A2.relationships, bad] };
    await expect(store().loadArticle(broken)).rejects.toThrow(/a2/);
    expect(await store().counts()).toEqual(before);
    expect(await store().run('MATCH (a:Article {id: $id}) RETURN a.id AS id', { id: 'a2' })).toEqual([]);
    expect(await store().loadArticle(A2)).toBe('created');
  });

  test('a Person loaded from toGraph carries every property, nulls where unknown', async () => {
    const rows = rowsFor({ id: 'p1', date: '2021-02-03', text: 'Zhao Lijian spoke.' }, [
      { id: 'e1', cls: 'PER', name: 'Zhao Lijian', key: 'PER:zhao-lijian' },
    ], []);
    await store().loadArticle(rows);
    const r = await store().run(
      'MATCH (p:Person) RETURN p.key AS key, p.name AS name, p.subtype AS subtype, p.country AS country, p.aliases AS aliases');
    expect(r).toEqual([{ key: 'PER:zhao-lijian', name: 'Zhao Lijian', subtype: null, country: null, aliases: ['Zhao Lijian'] }]);
  });
}
