// Neo4j Browser in a real browser: the test Neo4j serves Browser at /browser/; connect, load the style sheet and the
/// <reference lib="dom" />
// guide from `newsgraph guide --serve`'s server, run the accusation network, and read the drawn SVG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ingest } from '../../src/ingest.js';
import { listQueries } from '../../src/queries.js';
import { runQuery } from '../../src/run-query.js';
import { openStore } from '../../src/store/index.js';
import type { GraphStore } from '../../src/store/types.js';
import { loadGrass } from '../../src/view/grass.js';
import { serveGuide, type GuideServer } from '../../src/view/guide-server.js';
import { graphElements } from '../../src/view/view-graph.js';
import { attachTestNeo4j } from '../neo4j/server.js';
import { ARTIFACTS, launchChromium, pageErrors } from './chromium.js';

const REFERENCE = '000_724705b57007fe02';

/** Bolt URI, credentials and the HTTP address that serves /browser/. */
function server(): { uri: string; user: string; password: string; http: string } {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: run this test through jest, whose global setup starts the test Neo4j (test/neo4j/).');
  const attached = attachTestNeo4j();
  const http = attached?.httpUrl ?? process.env.NEO4J_HTTP_URL;
  if (!http) throw new Error(`NEO4J_URI=${uri} names your own server: set NEO4J_HTTP_URL (e.g. http://localhost:7474) so the test can open its Neo4j Browser.`);
  return { uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', http };
}

async function runInBrowser(page: Page, command: string): Promise<void> {
  await page.click('[data-testid=activeEditor]');
  // insertText: no key events, so the editor's bracket auto-closing does not double anything.
  await page.keyboard.insertText(command);
  await page.click('[data-testid=editor-Run]');
}

describe('Neo4j Browser with the newsgraph style and guide', () => {
  let browser: Browser;
  let store: GraphStore;
  let guide: GuideServer;

  beforeAll(async () => {
    const s = server();
    store = await openStore({ store: 'neo4j', neo4jUri: s.uri, neo4jUser: s.user, neo4jPassword: s.password });
    await store.wipe();
    const summary = await ingest(['corpus'], store);
    expect(summary.failed).toBe(0);
    guide = await serveGuide({ port: 0 });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await guide?.close();
    await store?.close();
  });

  it('connects, applies the style, plays the guide, and draws the accusation network with captions and edge types', async () => {
    const s = server();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = pageErrors(page);
    const bolt = new URL(s.uri.replace(/^(bolt|neo4j)(\+s|\+ssc)?:/u, 'http:'));
    await page.goto(`${s.http}/browser/?dbms=${encodeURIComponent(`bolt://${s.user}@${bolt.host}`)}`);
    await page.waitForSelector('[data-testid=connect]', { timeout: 60_000 }).catch(() => {
      throw new Error(`Neo4j Browser did not show its connect form at ${s.http}/browser/ within 60 s: is org.neo4j.client:neo4j-browser on the server classpath (test/neo4j/pom.xml)? ${errors.join('; ')}`);
    });
    if (s.password !== '') await page.fill('[data-testid=password]', s.password);
    await page.click('[data-testid=connect]');
    await page.waitForSelector('[data-testid=disconnectedBanner]', { state: 'detached', timeout: 60_000 }).catch(() => {
      throw new Error(`Neo4j Browser did not connect to ${s.uri} within 60 s`);
    });
    // Connected for real once the editor's prompt names the database ("neo4j$").
    await page.locator('[data-testid=activeEditor]').getByText(/\w+\$/u).first().waitFor({ timeout: 60_000 }).catch(async () => {
      await page.screenshot({ path: join(ARTIFACTS, 'neo4j-browser-failure.png') });
      throw new Error(`Neo4j Browser never showed a database prompt after connecting to ${s.uri} (see test/artifacts/neo4j-browser-failure.png)`);
    });

    await runInBrowser(page, guide.styleCommand);
    await page.getByText('RETALIATED_AGAINST {date}', { exact: false }).first().waitFor({ timeout: 30_000 }).catch(() => {
      throw new Error(`"${guide.styleCommand}" did not load the style sheet within 30 s`);
    });
    await runInBrowser(page, guide.playCommand);
    await page.getByText('newsgraph: who accused whom').first().waitFor({ timeout: 30_000 }).catch(() => {
      throw new Error(`"${guide.playCommand}" did not show the guide within 30 s`);
    });
    await page.screenshot({ path: join(ARTIFACTS, 'neo4j-browser-guide.png') });

    const query = listQueries().find((q) => q.name === 'accusation-network')!;
    await runInBrowser(page, query.cypher);
    await page.waitForSelector('svg g.node', { timeout: 60_000 }).catch(async () => {
      await page.screenshot({ path: join(ARTIFACTS, 'neo4j-browser-failure.png') });
      throw new Error(`the accusation-network query drew no graph in Neo4j Browser within 60 s (see test/artifacts/neo4j-browser-failure.png); ${errors.join('; ')}`);
    });
    await page.waitForTimeout(3000); // let the force layout settle before the screenshot
    const drawn = await page.evaluate(() => ({
      nodes: Array.from(document.querySelectorAll('svg g.node')).map((g) => (g.textContent ?? '').trim()),
      fills: Array.from(document.querySelectorAll('svg g.node circle')).map((c) => c.getAttribute('fill')).filter((f): f is string => !!f),
      rels: Array.from(document.querySelectorAll('svg g.relationship')).map((g) => (g.textContent ?? '').trim()),
    }));
    await page.screenshot({ path: join(ARTIFACTS, 'neo4j-browser-accusations.png') });

    // What Browser should show: the same query through newsgraph's own Neo4j store.
    const rows = await runQuery(store, 'accusation-network');
    const el = graphElements(rows);
    const names = [...el.nodes.values()].map((n) => String(n.properties.name));
    // Browser wraps captions over up to three lines and cuts long ones ("Huawei Technolo…"); on a small node it may
    // also skip a word that does not fit a line ("Office F…" for "Office of Foreign Assets Control"). So a caption
    // shows a name when it starts like it (4 characters) and the rest of its characters come in the name's order.
    const squash = (x: string) => x.replace(/…/gu, '').replace(/\s+/gu, '');
    const inOrder = (part: string, whole: string) => {
      let i = 0;
      for (const ch of whole) if (i < part.length && ch === part[i]) i += 1;
      return i === part.length;
    };
    const shown = (name: string) =>
      drawn.nodes.some((t) => {
        const cap = squash(t);
        const full = squash(name);
        const head = Math.min(4, full.length);
        return cap.length >= head && full.startsWith(cap.slice(0, head)) && inOrder(cap, full);
      });
    expect(drawn.nodes.length).toBe(names.length);
    const missing = names.filter((n) => !shown(n));
    expect({ missing }).toEqual({ missing: [] });

    // Edge captions: type and date, from the grass; the reference article's accusations among them.
    expect(drawn.rels.filter((r) => r.startsWith('ACCUSED')).length).toBeGreaterThanOrEqual(rows.length * 0.5);
    const refDates = (await runQuery(store, `MATCH (e:Event) WHERE e.type = 'ACCUSE' AND e.article = $a AND e.date IS NOT NULL RETURN DISTINCT e.date AS date`, { a: REFERENCE })).map(
      (r) => `ACCUSED ${String(r.date)}`,
    );
    expect(refDates.length).toBeGreaterThan(0);
    // Browser cuts an edge caption to the edge's length ("ACCUSED 2020-…", "ACCUSED 2…"), which depends on the
    // layout: a cut caption counts when what it shows is the start of the expected one and keeps the whole type.
    const showsCaption = (want: string) =>
      drawn.rels.some((c) => c === want || (c.endsWith('…') && c.length - 1 > 'ACCUSED'.length && want.startsWith(c.slice(0, -1))));
    expect({ refDates, shown: refDates.some(showsCaption) }).toEqual({ refDates, shown: true });

    // Node colours come from newsgraph.grass, not Browser's defaults.
    const grassColours = new Set(loadGrass().rules.map((r) => r.props.color?.toUpperCase()).filter(Boolean));
    const used = new Set(drawn.fills.map((f) => f.toUpperCase()));
    expect([...used].filter((f) => !grassColours.has(f))).toEqual([]);
    expect(used.size).toBeGreaterThanOrEqual(3);
    expect(readFileSync(join(ARTIFACTS, 'neo4j-browser-accusations.png')).length).toBeGreaterThan(10_000);
    await page.close();
  }, 240_000);
});
