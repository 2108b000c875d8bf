// A loopback HTTP server for source tests: routes map a path to a response, a redirect, a status, a hang or a stream.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route =
  | { readonly type: string; readonly body: string | Buffer; readonly status?: number; readonly headers?: Record<string, string> }
  | { readonly redirect: string; readonly status?: number }
  | { readonly hang: true }
  /** Streams `chunks` × `chunkBytes` bytes without a Content-Length header. */
  | { readonly stream: true; readonly type: string; readonly chunks: number; readonly chunkBytes: number }
  | { readonly handler: (req: IncomingMessage, res: ServerResponse) => void };

export interface TestServer {
  readonly base: string;
  readonly routes: Map<string, Route>;
  /** Requests per path, to assert what was (not) fetched. */
  readonly hits: Map<string, number>;
  /** Bytes written by streaming routes, to assert a download was cut short. */
  streamed: number;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port chosen by the OS. */
export async function startServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const open = new Set<ServerResponse>();
  const state: TestServer = {
    base: '',
    routes: table,
    hits,
    streamed: 0,
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if ('handler' in route) return route.handler(req, res);
    if ('hang' in route) {
      open.add(res);
      return; // never answers
    }
    if ('redirect' in route) {
      res.writeHead(route.status ?? 302, { location: route.redirect }).end();
      return;
    }
    if ('stream' in route) {
      open.add(res);
      res.writeHead(200, { 'content-type': route.type });
      let sent = 0;
      const chunk = Buffer.alloc(route.chunkBytes, 'a');
      const push = (): void => {
        while (sent < route.chunks) {
          sent += 1;
          state.streamed += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', push);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => open.delete(res));
      push();
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type, 'content-length': String(Buffer.byteLength(route.body)), ...route.headers }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (state as { base: string }).base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
