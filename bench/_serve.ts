/**
 * A small HTTP server on the loopback interface for the browser pages (`compactly-bench --browser` and the
 * strict-CSP test page): answers GET from a route function, with the same extra headers on every response
 * (Content-Security-Policy, or COOP/COEP for cross-origin isolation). Never listens beyond 127.0.0.1.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One response body with its media type. */
export interface Resource {
  readonly type: string;
  readonly body: string | Uint8Array;
}

/** Maps a request path (no query) to a resource, or `undefined` for 404. */
export type Route = (path: string) => Resource | undefined | Promise<Resource | undefined>;

/** A running server. */
export interface Served {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  close(): Promise<void>;
}

/** Media types by extension, for routes that serve files. */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** The media type of `path` by its extension (`application/octet-stream` when unknown). */
export function mediaType(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 ? MEDIA_TYPES[path.slice(dot)] : undefined) ?? 'application/octet-stream';
}

/** The headers that make a page cross-origin isolated (SharedArrayBuffer, measureUserAgentSpecificMemory). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Starts a server on 127.0.0.1 (`port` 0 picks a free one). */
export function serveLocal(route: Route, headers: Readonly<Record<string, string>> = {}, port = 0): Promise<Served> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const r = req.method === 'GET' || req.method === 'HEAD' ? await route(path) : undefined;
    res.writeHead(r ? 200 : req.method === 'GET' || req.method === 'HEAD' ? 404 : 405, {
      ...headers,
      'Content-Type': r?.type ?? 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : (r?.body ?? `not found: ${path}\n`));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${p}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
