// newsgraph view in a real browser: the generated file opens offline in Chromium, draws the expected network,
/// <reference lib="dom" />
// shows the evidence on hover, and its filters change both cytoscape's model and the picture.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ingest } from '../../src/ingest.js';
import { openStore } from '../../src/store/index.js';
import type { GraphStore } from '../../src/store/types.js';
import { loadGrass } from '../../src/view/grass.js';
import { loadViewGraph } from '../../src/view/load-view-graph.js';
import { cytoscapeSource, renderViewHtml } from '../../src/view/render-html.js';
import type { ViewGraph } from '../../src/view/view-graph.js';
import { VIEW_ROWS } from '../view/fixtures.js';
import { ARTIFACTS, launchChromium, pageErrors, pixelDifference } from './chromium.js';

const { rules } = loadGrass();
const cytoscapeJs = cytoscapeSource();
const REFERENCE = '000_724705b57007fe02';

function writeView(graph: ViewGraph, name: string, title: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ng-view-')), `${name}.html`);
  writeFileSync(file, renderViewHtml(graph, { title, rules, cytoscapeJs, subtitle: name }));
  return file;
}

async function open(browser: Browser, file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = pageErrors(page);
  // Offline: any request that is not the file itself fails the test.
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 }).catch(() => {
    throw new Error(`the view did not finish drawing within 30 s; page errors: ${errors.join('; ') || 'none'}`);
  });
  expect(requests).toEqual([]);
  return { page, errors };
}

// cytoscape applies style changes (and so `:visible`) on its next frame: wait two frames before reading them.
const visible = (page: Page) =>
  page.evaluate(async () => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
    return {
      nodes: cy.nodes(':visible').map((n) => n.id()).sort(),
      edges: cy.edges(':visible').map((e) => `${e.data('type')} ${e.source().id()}->${e.target().id()}`).sort(),
    };
  });

describe('newsgraph view in Chromium', () => {
  let browser: Browser;
  let store: GraphStore;

  beforeAll(async () => {
    browser = await launchChromium();
    store = await openStore({ store: 'embedded', db: join(mkdtempSync(join(tmpdir(), 'ng-view-db-')), 'db') });
    for (const rows of VIEW_ROWS) await store.loadArticle(rows);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  it('draws the network, shows evidence on hover, and filters by event type and date', async () => {
    const graph = await loadViewGraph(store, 'event-network', {}, rules);
    const { page, errors } = await open(browser, writeView(graph, 'view-fixture', 'newsgraph view test'));

    const all = await visible(page);
    expect(all.nodes).toEqual(['LOC:beijing', 'ORG:china-foreign-ministry', 'ORG:commerce-department', 'ORG:huawei', 'ORG:lockheed-martin', 'ORG:trump-administration']);
    expect(all.edges).toEqual([
      'ACCUSED ORG:china-foreign-ministry->ORG:trump-administration',
      'ACCUSED ORG:huawei->ORG:commerce-department',
      'RETALIATED_AGAINST LOC:beijing->ORG:lockheed-martin',
      'SANCTIONED ORG:commerce-department->ORG:huawei',
    ]);
    const drawn = await page.evaluate(() => {
      const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
      const e = cy.edges('[type = "ACCUSED"][date = "2020-05-25"]')[0]!;
      const huawei = cy.$id('ORG:huawei');
      return {
        caption: e.style('label'),
        huaweiColour: huawei.style('background-color'),
        huaweiCaption: huawei.style('label'),
        sizes: cy.nodes().map((n) => n.renderedBoundingBox({}).w).every((w) => w > 5),
        mid: e.renderedMidpoint(),
      };
    });
    expect(drawn.caption).toBe('ACCUSED 2020-05-25');
    expect(drawn.huaweiCaption).toBe('Huawei');
    expect(drawn.huaweiColour).toBe('rgb(247,151,103)'); // node.Company in browser/newsgraph.grass: #F79767
    expect(drawn.sizes).toBe(true);

    // Hover the accusation edge with the real mouse: the panel shows the sentence and the article.
    const box = (await page.locator('#cy').boundingBox())!;
    await page.mouse.move(box.x + drawn.mid.x, box.y + drawn.mid.y);
    const info = await page.locator('#info').innerText();
    expect(info).toContain("China's foreign ministry on Monday accused the Trump administration of interfering in China's affairs.");
    expect(info).toMatch(/article\s+v1\b/u);

    await page.mouse.move(box.x + 2, box.y + 2);
    const before = await page.locator('#cy').screenshot({ path: join(ARTIFACTS, 'view-fixture-all.png') });
    await page.uncheck('#type-ACCUSED');
    const noAccusations = await visible(page);
    expect(noAccusations.edges).toEqual(['RETALIATED_AGAINST LOC:beijing->ORG:lockheed-martin', 'SANCTIONED ORG:commerce-department->ORG:huawei']);
    expect(noAccusations.nodes).toEqual(['LOC:beijing', 'ORG:commerce-department', 'ORG:huawei', 'ORG:lockheed-martin']);
    await expect(page.locator('#count').innerText()).resolves.toBe('4 actors, 2 edges shown');
    const after = await page.locator('#cy').screenshot({ path: join(ARTIFACTS, 'view-fixture-no-accusations.png') });
    const diff = await pixelDifference(page, before, after);
    expect(diff).toBeGreaterThan(500);

    // Date range: June 2020 onwards keeps the retaliation and (while "undated" is ticked) the undated accusation.
    await page.click('#reset');
    await page.fill('#date-from', '2020-06');
    expect((await visible(page)).edges).toEqual(['ACCUSED ORG:huawei->ORG:commerce-department', 'RETALIATED_AGAINST LOC:beijing->ORG:lockheed-martin']);
    await page.uncheck('#undated');
    expect((await visible(page)).edges).toEqual(['RETALIATED_AGAINST LOC:beijing->ORG:lockheed-martin']);
    await page.fill('#date-to', '2020-05-24');
    await page.fill('#date-from', '2020-05-01');
    expect((await visible(page)).edges).toEqual(['SANCTIONED ORG:commerce-department->ORG:huawei']);
    await page.locator('#cy').screenshot({ path: join(ARTIFACTS, 'view-fixture-may-dated.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('draws the accusation network of corpus/ legibly, the reference article included', async () => {
    const summary = await ingest(['corpus'], store);
    expect(summary.failed).toBe(0);
    const graph = await loadViewGraph(store, 'accusation-network', {}, rules);
    const reference = graph.edges.filter((e) => e.article === REFERENCE);
    expect(reference.length).toBeGreaterThan(0);
    const { page, errors } = await open(browser, writeView(graph, 'view-corpus-accusations', 'newsgraph: the accusation network of corpus/'));
    const shown = await page.evaluate(() => {
      const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
      return { edges: cy.edges(':visible').length, types: [...new Set(cy.edges().map((e) => e.data('type') as string))], zoom: cy.zoom() };
    });
    expect(shown.edges).toBe(graph.edges.length);
    expect(shown.types).toEqual(['ACCUSED']);
    await page.screenshot({ path: join(ARTIFACTS, 'view-corpus-accusations.png') });

    // The reference article alone, captions readable at the fitted zoom.
    const refGraph = await loadViewGraph(
      store,
      'MATCH p = (src)-[r:ACCUSED]->(tgt) MATCH (e:Event) WHERE e.id = r.event AND e.article = $article RETURN p ORDER BY src.key, tgt.key, r.event',
      { article: REFERENCE },
      rules,
    );
    expect(refGraph.edges.map((e) => e.id).sort()).toEqual(reference.map((e) => e.id).sort());
    const ref = await open(browser, writeView(refGraph, 'view-reference-article', `newsgraph: accusations in ${REFERENCE}`));
    const refShown = await ref.page.evaluate(() => {
      const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
      return { captions: cy.nodes().map((n) => n.style('label') as string), zoom: cy.zoom() };
    });
    for (const e of reference) {
      const names = refGraph.nodes.filter((n) => n.id === e.source || n.id === e.target).map((n) => n.caption);
      for (const name of names) expect(refShown.captions).toContain(name);
    }
    expect(refShown.zoom).toBeGreaterThan(0.5);
    await ref.page.screenshot({ path: join(ARTIFACTS, 'view-reference-article.png') });
    expect([...errors, ...ref.errors]).toEqual([]);
  }, 120_000);
});
