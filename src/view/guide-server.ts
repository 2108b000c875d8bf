// A tiny static server for browser/ (the guide and the style sheet), with the CORS headers Neo4j Browser needs.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { packagePath } from '../paths.js';

export const BROWSER_DIR = packagePath('browser');

/** The address browser/guide.html names in its `:style` slide; the server puts its own in its place. */
export const DEFAULT_URL = 'http://localhost:8765/';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.grass': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface GuideServer {
  /** Base URL, e.g. http://localhost:8765/ (Browser's default remote-content allowlist includes localhost). */
  readonly url: string;
  /** The Browser command that opens the guide: `:play http://localhost:8765/guide.html`. */
  readonly playCommand: string;
  /** The Browser command that loads the style sheet. */
  readonly styleCommand: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `dir` (default browser/) on the loopback interface; GET and HEAD only, no directory listings.
 * @example const s = await serveGuide({ port: 0 }); console.log(s.playCommand); await s.close();
 */
export async function serveGuide(options: { port?: number; host?: string; dir?: string } = {}): Promise<GuideServer> {
  const dir = options.dir ?? BROWSER_DIR;
  const host = options.host ?? '127.0.0.1';
  const baseUrl = (): string => `http://localhost:${(server.address() as AddressInfo).port}/`;
  const server: Server = createServer((req, res) => {
    const origin = req.headers.origin;
    res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
    res.setHeader('Access-Control-Max-Age', '600');
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD, OPTIONS' }).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const rel = normalize(path === '/' ? '/guide.html' : path).replace(/^([/\\])+/u, '');
    const file = join(dir, rel);
    if (rel.startsWith('..') || !(file === dir || file.startsWith(dir + sep))) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        // The guide names the default address; point it at this server's.
        const sent = extname(file) === '.html' ? Buffer.from(body.toString('utf8').replaceAll(DEFAULT_URL, baseUrl())) : body;
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': sent.length });
        res.end(req.method === 'HEAD' ? undefined : sent);
      },
      () => {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${path}\n`);
      },
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8765, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const url = baseUrl();
  return {
    url,
    port,
    playCommand: `:play ${url}guide.html`,
    styleCommand: `:style ${url}newsgraph.grass`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
