import { readFileSync } from 'node:fs';
import { listQueries } from '../../src/queries.js';
import { BROWSER_DIR, DEFAULT_URL, serveGuide } from '../../src/view/guide-server.js';

const GUIDE = readFileSync(`${BROWSER_DIR}/guide.html`, 'utf8');
const unescape = (s: string): string => s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&');
const runnable = [...GUIDE.matchAll(/<pre class="code runnable">([\s\S]*?)<\/pre>/gu)].map((m) => unescape(m[1]!));

describe('browser/guide.html', () => {
  it('is a Browser guide: an article of slides', () => {
    expect(GUIDE).toMatch(/^<article class="guide"/u);
    expect((GUIDE.match(/<slide /gu) ?? []).length).toBeGreaterThanOrEqual(8);
    expect((GUIDE.match(/<slide /gu) ?? []).length).toBe((GUIDE.match(/<\/slide>/gu) ?? []).length);
  });
  it('runs each graph query exactly as queries/ has it', () => {
    for (const name of ['accusation-network', 'event-network', 'neighbourhood', 'shortest-path', 'sanctions-web', 'accusations']) {
      const q = listQueries().find((x) => x.name === name)!;
      expect({ name, inGuide: runnable.includes(q.cypher.trim()) }).toEqual({ name, inGuide: true });
    }
  });
  it('sets every parameter a slide query needs before it', () => {
    const set = new Set<string>();
    for (const block of runnable) {
      const m = /^:param (\w+) =>/u.exec(block);
      if (m) set.add(m[1]!);
      const q = listQueries().find((x) => x.cypher.trim() === block);
      for (const p of q?.parameters ?? []) expect({ query: q!.name, param: p, set: set.has(p) }).toEqual({ query: q!.name, param: p, set: true });
    }
  });
  it('loads the style sheet from the guide server', () => {
    expect(runnable).toContain(`:style ${DEFAULT_URL}newsgraph.grass`);
  });
});

describe('serveGuide', () => {
  it('serves guide and style sheet with CORS headers, with its own address in the guide', async () => {
    const server = await serveGuide({ port: 0 });
    try {
      expect(server.playCommand).toBe(`:play http://localhost:${server.port}/guide.html`);
      const base = `http://127.0.0.1:${server.port}`;
      const res = await fetch(`${base}/guide.html`, { headers: { Origin: 'http://127.0.0.1:7474' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:7474');
      expect(res.headers.get('content-type')).toMatch(/text\/html/u);
      const body = await res.text();
      expect(body).toContain(`:style ${server.url}newsgraph.grass`);
      expect(server.url).not.toBe(DEFAULT_URL);
      expect(body).not.toContain(DEFAULT_URL);

      const grass = await fetch(`${base}/newsgraph.grass`);
      expect(await grass.text()).toBe(readFileSync(`${BROWSER_DIR}/newsgraph.grass`, 'utf8'));

      const pre = await fetch(`${base}/guide.html`, { method: 'OPTIONS', headers: { Origin: 'http://x', 'Access-Control-Request-Headers': 'content-type' } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');

      expect((await fetch(`${base}/nope.html`)).status).toBe(404);
      expect((await fetch(`${base}/%2e%2e/package.json`)).status).not.toBe(200);
      expect((await fetch(`${base}/guide.html`, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});
